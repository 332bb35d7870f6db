using System.Globalization;
using Comms.Core.Model;

namespace Comms.GitHub.Output;

/// <summary>The fields of a GitHub REST pull object that Comms reads; what <c>comms collect</c> writes and the cache keeps.</summary>
public sealed record RestPull
{
    public required int Number { get; init; }
    public string Title { get; init; } = string.Empty;
    public string? Body { get; init; }
    public IReadOnlyList<RestLabel> Labels { get; init; } = [];
    public RestUser? User { get; init; }
    public string? HtmlUrl { get; init; }
    public string? MergedAt { get; init; }
    public bool Merged { get; init; }
    public string? MergeCommitSha { get; init; }
    public RestBase? Base { get; init; }
    public string? UpdatedAt { get; init; }

    public static RestPull From(PullRequest pull) => new()
    {
        Number = pull.Number,
        Title = pull.Title,
        Body = pull.Body,
        Labels = pull.Labels.Select(l => new RestLabel(l)).ToArray(),
        User = pull.Author is null ? null : new RestUser(pull.Author, pull.AuthorUrl),
        HtmlUrl = pull.Url,
        MergedAt = Format(pull.MergedAt),
        Merged = pull.Merged,
        MergeCommitSha = pull.MergeCommit,
        Base = pull.BaseRef is null ? null : new RestBase(pull.BaseRef),
        UpdatedAt = Format(pull.UpdatedAt),
    };

    public PullRequest ToPullRequest(string? source) => new()
    {
        Number = Number,
        Title = Title,
        Body = Body,
        Labels = Labels.Select(l => l.Name).ToArray(),
        Author = User?.Login,
        AuthorUrl = User?.HtmlUrl,
        Url = HtmlUrl,
        MergedAt = Parse(MergedAt),
        Merged = Merged,
        MergeCommit = MergeCommitSha,
        BaseRef = Base?.Ref,
        UpdatedAt = Parse(UpdatedAt),
        Source = source,
    };

    public static string? Format(DateTimeOffset? date) =>
        date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : null;
}

public sealed record RestLabel(string Name);

public sealed record RestUser(string Login, string? HtmlUrl);

public sealed record RestBase(string Ref);
