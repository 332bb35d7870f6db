using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comms.Core.Compose;

namespace Comms.Core.Json;

/// <summary>
/// Writes <c>release.json</c>: the composed release, so a reviewer or a script can check every number the drafts
/// print (the drafts read the same model). Keys in a fixed order, lists sorted, byte-identical for the same input.
/// </summary>
public static class ReleaseJsonWriter
{
    public const string FileName = "release.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(ReleaseModel release)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var stats = release.Stats;
            json.WriteStartObject();
            json.WriteString("version", release.Release.Version);
            NullableString(json, "previous_version", release.Release.PreviousVersion);
            NullableString(json, "date", release.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("counts");
            if (stats.Enhancements is { } e)
            {
                json.WriteStartObject("enhancements");
                json.WriteNumber("total", e.Total);
                json.WriteNumber("stable", e.Stable);
                json.WriteNumber("beta", e.Beta);
                json.WriteNumber("alpha", e.Alpha);
                json.WriteNumber("deprecated", e.Deprecated);
                json.WriteNumber("removed", e.Removed);
                json.WriteNumber("confirmed", e.Confirmed);
                json.WriteNumber("evidenced", e.Evidenced);
                json.WriteNumber("tied", e.Tied);
                json.WriteNumber("planned", e.Planned);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("enhancements");
            }

            json.WriteNumber("changes", stats.Notes);
            json.WriteNumber("pull_requests", stats.PullRequests);
            json.WriteNumber("contributors", stats.Contributors.Count);
            json.WriteString("contributors_counted_from", stats.ContributorsFromPullRequests ? "merged pull requests" : "release notes");
            if (stats.FirstTimeContributors is { } first)
            {
                json.WriteNumber("first_time_contributors", first.Count);
            }
            else
            {
                json.WriteNull("first_time_contributors");
            }

            json.WriteNumber("action_required", release.UpgradeNotes.Count());
            json.WriteEndObject();

            json.WriteStartArray("enhancements");
            foreach (var enhancement in release.Enhancements)
            {
                json.WriteStartObject();
                json.WriteString("id", enhancement.Id);
                json.WriteString("title", enhancement.Title);
                json.WriteString("stage", enhancement.Stage);
                NullableString(json, "previous_stage", enhancement.PreviousStage);
                json.WriteStartArray("sigs");
                foreach (var sig in enhancement.Sigs)
                {
                    json.WriteStringValue(sig);
                }

                json.WriteEndArray();
                json.WriteStartArray("feature_gates");
                foreach (var gate in enhancement.FeatureGates)
                {
                    json.WriteStringValue(gate);
                }

                json.WriteEndArray();
                json.WriteStartArray("notes");
                foreach (var note in release.EnhancementNotes.TryGetValue(enhancement.Id, out var notes) ? notes : [])
                {
                    json.WriteNumberValue(note.PrNumber);
                }

                json.WriteEndArray();
                json.WriteString("source", enhancement.Source);
                json.WriteString("confirmation", release.ConfirmationOf(enhancement.Id));
                NullableString(json, "confirmed_by", enhancement.ConfirmedBy);
                NullableString(json, "stage_evidence", release.StageClaims.TryGetValue(enhancement.Id, out var claim) ? $"PR #{claim.Pr.ToString(CultureInfo.InvariantCulture)} ({claim.What}): {claim.Words}" : null);
                NullableString(json, "likely_slipped", release.Slipped.TryGetValue(enhancement.Id, out var slip) ? slip : null);
                json.WriteBoolean("stated", release.IsStated(enhancement.Id));
                if (release.SpotlightRanking.FirstOrDefault(c => c.Enhancement.Id == enhancement.Id) is { } scored)
                {
                    json.WriteNumber("score", scored.Score);
                    json.WriteString("score_reasons", scored.Reason);
                }
                else
                {
                    json.WriteNull("score");
                    json.WriteNull("score_reasons");
                }

                NullableString(json, "board_status", enhancement.BoardStatus);
                NullableString(json, "status", enhancement.Status);
                NullableString(json, "tracking_url", enhancement.TrackingUrl);
                NullableString(json, "proposal_url", enhancement.ProposalUrl);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("excluded");
            foreach (var excluded in release.Excluded)
            {
                json.WriteStartObject();
                json.WriteString("id", excluded.Id);
                json.WriteString("title", excluded.Title);
                NullableString(json, "stage", excluded.Stage);
                json.WriteString("reason", excluded.Reason);
                json.WriteString("source", excluded.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("spotlight_candidates");
            foreach (var candidate in release.SpotlightCandidates)
            {
                json.WriteStartObject();
                json.WriteString("id", candidate.Enhancement.Id);
                json.WriteString("title", candidate.Title);
                json.WriteString("stage", candidate.Enhancement.Stage);
                NullableString(json, "story", candidate.Story);
                json.WriteStartArray("members");
                foreach (var member in candidate.Members)
                {
                    json.WriteStringValue(member.Id);
                }

                json.WriteEndArray();
                json.WriteString("confirmation", release.ConfirmationOf(candidate.Enhancement.Id));
                json.WriteNumber("score", candidate.Score);
                json.WriteString("reasons", candidate.Reason);
                json.WriteBoolean("highlighted", release.Highlights.Any(h => h.Enhancement?.Id == candidate.Enhancement.Id));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("highlights");
            foreach (var highlight in release.Highlights)
            {
                json.WriteStartObject();
                json.WriteString("title", HighlightTitle.Of(highlight));
                json.WriteString("text", highlight.Text);
                NullableString(json, "enhancement", highlight.Enhancement?.Id);
                json.WriteStartArray("prs");
                foreach (var pr in highlight.Prs.Order())
                {
                    json.WriteNumberValue(pr);
                }

                json.WriteEndArray();
                json.WriteString("reason", highlight.Reason);
                json.WriteBoolean("manual", highlight.Manual);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
