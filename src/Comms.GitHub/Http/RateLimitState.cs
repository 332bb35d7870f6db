using System.Globalization;
using System.Net.Http.Headers;

namespace Comms.GitHub.Http;

/// <summary>The primary-limit budget GitHub reported last (<c>x-ratelimit-*</c> headers).</summary>
internal sealed class RateLimitState
{
    public int? Remaining { get; private set; }

    public DateTimeOffset? Reset { get; private set; }

    public void Update(HttpResponseHeaders headers)
    {
        if (Header(headers, "x-ratelimit-remaining") is { } remaining &&
            int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
        {
            Remaining = r;
        }

        if (Header(headers, "x-ratelimit-reset") is { } reset &&
            long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) &&
            seconds is >= 0 and <= 253_402_300_799)
        {
            Reset = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
    }

    public static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
