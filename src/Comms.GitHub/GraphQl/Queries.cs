using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Comms.GitHub.GraphQl;

/// <summary>The GraphQL queries: pulls by number (aliases <c>pN</c>), the cheap change check, and the compare of two refs.</summary>
internal static class Queries
{
    public const string PullFields =
        "number title body url mergedAt merged updatedAt baseRefName author { login url } mergeCommit { oid } labels(first: 100) { nodes { name } }";

    public static string Pulls(string owner, string name, IEnumerable<int> numbers) => Batch(owner, name, numbers, PullFields);

    /// <summary>Only <c>updatedAt</c>: about one point for 100 PRs, to learn which cached PRs changed.</summary>
    public static string Check(string owner, string name, IEnumerable<int> numbers) => Batch(owner, name, numbers, "updatedAt");

    public static string Compare(string owner, string name, string from, string to, string? cursor)
    {
        var after = cursor is null ? string.Empty : $", after: {Literal(cursor)}";
        return $"query {{ repository(owner: {Literal(owner)}, name: {Literal(name)}) {{ ref(qualifiedName: {Literal(from)}) {{ " +
               $"compare(headRef: {Literal(to)}) {{ commits(first: 100{after}) {{ pageInfo {{ hasNextPage endCursor }} " +
               "nodes { oid message associatedPullRequests(first: 1) { nodes { number merged } } } } } } } }";
    }

    public static string Alias(int number) => "p" + number.ToString(CultureInfo.InvariantCulture);

    private static string Batch(string owner, string name, IEnumerable<int> numbers, string fields)
    {
        var query = new StringBuilder();
        query.Append(CultureInfo.InvariantCulture, $"query {{ repository(owner: {Literal(owner)}, name: {Literal(name)}) {{");
        foreach (var number in numbers)
        {
            query.Append(CultureInfo.InvariantCulture, $" {Alias(number)}: pullRequest(number: {number}) {{ {fields} }}");
        }

        return query.Append(" } }").ToString();
    }

    /// <summary>A GraphQL string literal (JSON escaping is valid GraphQL).</summary>
    private static string Literal(string value) => JsonSerializer.Serialize(value, GitHubJsonContext.Default.String);
}
