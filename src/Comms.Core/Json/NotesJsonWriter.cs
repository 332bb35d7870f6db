using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comms.Core.Model;

namespace Comms.Core.Json;

/// <summary>
/// Writes notes in the Kubernetes release-notes JSON schema (relnotes.k8s.io): an object keyed by PR
/// number, fields in the Kubernetes order, empty lists and false booleans left out. Comms-only fields
/// go under the single key <c>comms</c>. Output is byte-identical for the same notes.
/// </summary>
public static class NotesJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Readable text ("+", "'", non-ASCII) as the Kubernetes files have it; notes.json is data, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(IEnumerable<ReleaseNote> notes) => System.Text.Encoding.UTF8.GetString(WriteUtf8(notes).WrittenSpan);

    /// <summary>The document as UTF-8 bytes in one buffer (no string of it).</summary>
    public static System.Buffers.ArrayBufferWriter<byte> WriteUtf8(IEnumerable<ReleaseNote> notes)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteDocument(json, notes);
        }

        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        return buffer;
    }

    /// <summary>Writes the document into <paramref name="stream"/> as it goes (the writer flushes every note past 64 KB).</summary>
    public static void Write(Stream stream, IEnumerable<ReleaseNote> notes)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            WriteDocument(json, notes, flushAt: 64 * 1024);
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteDocument(Utf8JsonWriter json, IEnumerable<ReleaseNote> notes, int flushAt = int.MaxValue)
    {
        json.WriteStartObject();
        // Go marshals map keys sorted as strings; do the same so files diff cleanly against Kubernetes'.
        foreach (var note in notes.OrderBy(n => Key(n), StringComparer.Ordinal))
        {
            json.WritePropertyName(Key(note));
            WriteNote(json, note);
            if (json.BytesPending >= flushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndObject();
    }

    private static string Key(ReleaseNote note) => note.PrNumber.ToString(CultureInfo.InvariantCulture);

    public static void WriteNote(Utf8JsonWriter json, ReleaseNote note)
    {
        json.WriteStartObject();
        String(json, "commit", note.Commit);
        String(json, "text", note.Text);
        String(json, "markdown", note.Markdown);
        Objects(json, "documentation", note.Documentation, (w, doc) =>
        {
            w.WriteString("description", doc.Description);
            w.WriteString("url", doc.Url);
            w.WriteString("type", doc.Type);
        });

        String(json, "author", note.Author);
        String(json, "author_url", note.AuthorUrl);
        String(json, "pr_url", note.PrUrl);
        json.WriteNumber("pr_number", note.PrNumber);
        List(json, "areas", note.Areas);
        List(json, "kinds", note.Kinds);
        List(json, "sigs", note.Sigs);
        Bool(json, "feature", note.Feature);
        Bool(json, "duplicate", note.Duplicate);
        Bool(json, "duplicate_kind", note.DuplicateKind);
        Bool(json, "action_required", note.ActionRequired);
        String(json, "release_version", note.ReleaseVersion);
        Bool(json, "do_not_publish", note.DoNotPublish);
        Bool(json, "is_mapped", note.IsMapped);
        Fields(json, note.Extra);

        if (!note.Comms.IsEmpty || note.DataFields.Count > 0)
        {
            json.WritePropertyName(NotesJsonReader.CommsKey);
            WriteComms(json, note);
        }

        json.WriteEndObject();
    }

    private static void WriteComms(Utf8JsonWriter json, ReleaseNote note)
    {
        var comms = note.Comms;
        json.WriteStartObject();
        String(json, "title", comms.Title);
        if (comms.MergedAt is { } merged)
        {
            json.WriteString("merged_at", merged.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        List(json, "labels", comms.Labels);
        List(json, "maps", comms.Maps);
        Objects(json, "audiences", comms.Audiences, (w, a) =>
        {
            w.WriteString("audience", a.Audience);
            w.WriteString("rule", a.Rule);
            w.WriteString("reason", a.Reason);
        });

        if (comms.Stability is { } stability)
        {
            json.WriteStartObject("stability");
            json.WriteString("level", stability.Level);
            json.WriteString("source", stability.Source);
            String(json, "feature", stability.Feature);
            json.WriteEndObject();
        }

        if (comms.Highlight is { } highlight)
        {
            json.WriteStartObject("highlight");
            json.WriteNumber("score", Math.Round(highlight.Score, 3));
            json.WriteString("reason", highlight.Reason);
            Bool(json, "manual", highlight.Manual);
            json.WriteEndObject();
        }

        if (comms.Enhancement is { } enhancement)
        {
            json.WriteStartObject("enhancement");
            json.WriteString("id", enhancement.Id);
            json.WriteString("how", enhancement.How);
            json.WriteEndObject();
        }
        if (note.DataFields.Count > 0)
        {
            json.WriteStartObject("datafields");
            Fields(json, note.DataFields);
            json.WriteEndObject();
        }

        Fields(json, comms.Extra);

        json.WriteEndObject();
    }

    /// <summary>Free-form fields, kept verbatim, in key order.</summary>
    private static void Fields(Utf8JsonWriter json, IReadOnlyDictionary<string, JsonElement> fields)
    {
        foreach (var (key, value) in fields.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(key);
            value.WriteTo(json);
        }
    }

    /// <summary>A list of objects, left out when empty.</summary>
    private static void Objects<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }

    private static void Bool(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
        {
            json.WriteBoolean(name, value);
        }
    }

    private static void List(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
