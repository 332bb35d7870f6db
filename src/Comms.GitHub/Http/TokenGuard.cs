using System.Globalization;
using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.GitHub.Output;

namespace Comms.GitHub.Http;

/// <summary>
/// A pull whose text holds the token (a server that echoes it into a title, body, label or link) is never persisted:
/// not cached, not written to pulls.json, not published; a warning names the PR.
/// </summary>
internal static class TokenGuard
{
    public static bool Keep(RestPull pull, string? token, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrEmpty(token) || token.Length < 4)
        {
            return true;
        }

        var redactor = new TokenRedactor(token);
        var json = JsonSerializer.SerializeToUtf8Bytes(pull, GitHubJsonContext.Default.RestPull);
        using var doc = JsonDocument.Parse(json);
        if (!Holds(doc.RootElement, redactor))
        {
            return true;
        }

        diagnostics.Warning(GitHubCodes.TokenInPull,
            $"PR #{pull.Number.ToString(CultureInfo.InvariantCulture)}: GitHub's answer holds the token itself; the PR is left out and nothing of it is cached, written or published (check what echoes the token, then collect again)");
        return false;
    }

    private static bool Holds(JsonElement element, TokenRedactor redactor) => element.ValueKind switch
    {
        JsonValueKind.String => redactor.Holds(element.GetString() ?? string.Empty),
        JsonValueKind.Object => element.EnumerateObject().Any(p => redactor.Holds(p.Name) || Holds(p.Value, redactor)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => Holds(e, redactor)),
        _ => false,
    };
}
