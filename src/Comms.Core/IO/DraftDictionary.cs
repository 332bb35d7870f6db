using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Comms.Core.IO;

/// <summary>
/// One draft a build rendered: its text in memory, or the file it was written into as it rendered (staged, then at
/// its target once the build is committed). A file-backed draft is read only when asked for, and not kept.
/// </summary>
public sealed class DraftText
{
    private readonly string? _text;

    private DraftText(string? text, string? staged, string? target)
    {
        _text = text;
        Staged = staged;
        Target = target;
    }

    /// <summary>The staged file a file-backed draft was written into (null for a draft in memory).</summary>
    public string? Staged { get; }

    /// <summary>Where a file-backed draft goes at the commit.</summary>
    public string? Target { get; }

    /// <summary>Whether the text is held in memory (not in a file).</summary>
    public bool InMemory => _text is not null;

    public static DraftText Of(string text) => new(text, null, null);

    public static DraftText InFile(string staged, string target) => new(null, staged, target);

    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator DraftText?(string? text) => text is null ? null : Of(text);

    /// <summary>The whole text (read from the file each time for a file-backed draft: the staged file before the commit, its target after).</summary>
    public string Read()
    {
        if (_text is not null)
        {
            return _text;
        }

        using var reader = OpenText();
        return reader.ReadToEnd();
    }

    /// <summary>The text as a reader, without holding all of it.</summary>
    public TextReader OpenText() =>
        _text is not null ? new StringReader(_text) : new StreamReader(CurrentPath(), AtomicFile.Utf8NoBom, detectEncodingFromByteOrderMarks: false);

    private string CurrentPath() => File.Exists(Staged) ? Staged! : Target!;

    /// <summary>Which of <paramref name="values"/> (none holds a line break) the text contains; a file is read once, line by line.</summary>
    public IReadOnlySet<string> Containing(IReadOnlyCollection<string> values)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (_text is not null)
        {
            found.UnionWith(values.Where(v => _text.Contains(v, StringComparison.Ordinal)));
            return found;
        }

        using var reader = OpenText();
        while (found.Count < values.Count && reader.ReadLine() is { } line)
        {
            foreach (var value in values)
            {
                if (line.Contains(value, StringComparison.Ordinal))
                {
                    found.Add(value);
                }
            }
        }

        return found;
    }
}

/// <summary>Where a release's large drafts are written as they render: the build's staging folder.</summary>
public interface IDraftSink
{
    /// <summary>Writes the draft <paramref name="name"/> (a path under the release's drafts folder) through <paramref name="write"/>.</summary>
    DraftText Write(string name, Action<Stream> write);
}

/// <summary>
/// The drafts of one release by file name, in a stable order. Most are text; the large ones (the changelog, notes.json)
/// are written through an <see cref="IDraftSink"/> straight into the staging folder when there is one, and read back
/// from their file only when asked for. As a dictionary it gives each draft's text.
/// </summary>
public sealed class DraftDictionary(IDraftSink? sink = null) : IReadOnlyDictionary<string, string>
{
    private readonly SortedDictionary<string, DraftText> _drafts = new(StringComparer.Ordinal);

    public string this[string key]
    {
        get => _drafts[key].Read();
        set => _drafts[key] = DraftText.Of(value);
    }

    /// <summary>Renders a draft as it is written: into the sink's file, or (without a sink) into memory as UTF-8, then text.</summary>
    public void Write(string name, Action<Stream> write)
    {
        if (sink is not null)
        {
            _drafts[name] = sink.Write(name, write);
            return;
        }

        using var memory = new MemoryStream();
        write(memory);
        _drafts[name] = DraftText.Of(AtomicFile.Utf8NoBom.GetString(memory.GetBuffer().AsSpan(0, (int)memory.Length)));
    }

    /// <summary>Renders a text draft through a writer (UTF-8, no BOM, "\n" line ends).</summary>
    public void WriteText(string name, Action<TextWriter> write) =>
        Write(name, stream =>
        {
            using var writer = new StreamWriter(stream, AtomicFile.Utf8NoBom, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });

    /// <summary>Each draft as it is held: text, or the file it is in.</summary>
    public IEnumerable<KeyValuePair<string, DraftText>> Drafts => _drafts;

    public DraftText? Draft(string name) => _drafts.TryGetValue(name, out var draft) ? draft : null;

    public IEnumerable<string> Keys => _drafts.Keys;

    public IEnumerable<string> Values => _drafts.Values.Select(d => d.Read());

    public int Count => _drafts.Count;

    public bool ContainsKey(string key) => _drafts.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_drafts.TryGetValue(key, out var draft))
        {
            value = draft.Read();
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _drafts.Select(d => new KeyValuePair<string, string>(d.Key, d.Value.Read())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
