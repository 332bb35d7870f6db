using System.Text.Json.Serialization;
using Comms.GitHub.Cache;
using Comms.GitHub.Output;

namespace Comms.GitHub;

internal sealed record GraphQlPayload(string Query);

/// <summary>Source-generated JSON for what Comms writes: REST-shaped pulls, cache entries, GraphQL requests.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RestPull))]
[JsonSerializable(typeof(List<RestPull>))]
[JsonSerializable(typeof(CacheEntry))]
[JsonSerializable(typeof(GraphQlPayload))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
