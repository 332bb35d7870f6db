using System.Net;
using System.Text.Json;

namespace Comms.GitHub.Http;

/// <summary>A parsed answer: 200 with JSON, 304 (unchanged) or 404 with none.</summary>
internal sealed record Reply(HttpStatusCode Status, JsonDocument? Json, string? ETag, Uri? Next) : IDisposable
{
    public void Dispose() => Json?.Dispose();
}
