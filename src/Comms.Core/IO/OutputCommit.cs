using System.Runtime.InteropServices;
using System.Text.Json;
using Comms.Core.Diagnostics;

namespace Comms.Core.IO;

/// <summary>
/// One commit point for everything a build writes: the drafts (files under the release-notes folder) and the
/// site (a folder). Drafts are staged in <c>.&lt;notes&gt;.new-&lt;id&gt;/</c> beside the release-notes folder and the
/// site in <c>.&lt;site&gt;.stage-&lt;id&gt;/</c> beside the site; nothing visible changes until <see cref="Commit"/>.
/// Commit writes a journal (the commit point), moves each draft into place, swaps the site in with one atomic
/// exchange (so there is always a <c>site/</c>), removes the old site and the journal. A run killed after the
/// commit point is completed by the next run (<see cref="Recover"/>), which also removes every leftover of a
/// run killed before it; a run that fails or is interrupted before the commit point leaves everything as it was.
/// </summary>
public sealed class OutputCommit : IDisposable
{
    public const string JournalName = ".comms-commit.json";
    private const string MarkerPrefix = ".comms-stage-";

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly string? _notesRoot;
    private readonly string _site;
    private readonly Action<string> _step;
    private readonly List<Move> _moves = [];
    private bool _done;

    /// <param name="notesRoot">The release-notes folder drafts go under (null when only the site is built).</param>
    /// <param name="siteFolder">The site folder, replaced as a whole.</param>
    /// <param name="step">Called before each step of the commit with its name (a test seam; progress).</param>
    public OutputCommit(string? notesRoot, string siteFolder, Action<string>? step = null)
    {
        _notesRoot = notesRoot is null ? null : Trim(Path.GetFullPath(notesRoot));
        _site = Trim(Path.GetFullPath(siteFolder));
        _step = step ?? (_ => { });
        SiteSlot = Path.Combine(Path.GetDirectoryName(_site)!, $".{Path.GetFileName(_site)}.stage-{_id}");
        DraftStage = _notesRoot is null ? null : Path.Combine(Path.GetDirectoryName(_notesRoot)!, $".{Path.GetFileName(_notesRoot)}.new-{_id}");
    }

    /// <summary>Where the new site must be built (it does not exist yet).</summary>
    public string SiteSlot { get; }

    private string? DraftStage { get; }

    /// <summary>The drafts staged so far: target path to the staged file (the commit keeps paths, not texts).</summary>
    public IReadOnlyDictionary<string, DraftText> Staged => _staged;

    private readonly SortedDictionary<string, DraftText> _staged = new(StringComparer.Ordinal);

    /// <summary>Stages one draft; <paramref name="relative"/> is its path under the release-notes folder.</summary>
    public string StageDraft(string relative, string text) =>
        StageDraft(relative, stream => stream.Write(AtomicFile.Utf8NoBom.GetBytes(text))).Target!;

    /// <summary>
    /// Stages one draft written straight into its staged file by <paramref name="write"/> (nothing of it is kept here);
    /// <paramref name="relative"/> is its path under the release-notes folder.
    /// </summary>
    public DraftText StageDraft(string relative, Action<Stream> write)
    {
        if (_notesRoot is null || DraftStage is null)
        {
            throw new InvalidOperationException("no release-notes folder to stage drafts in");
        }

        var target = OutputPaths.Resolve(_notesRoot, relative);
        var staged = Path.Combine(DraftStage, _moves.Count.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(DraftStage);
        using (var stream = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        _moves.Add(new Move(staged, target));

        var draft = DraftText.InFile(staged, target);
        _staged[target] = draft;
        return draft;
    }

    /// <summary>
    /// Removes a file under the release-notes folder at the commit (a generated draft the build no longer makes);
    /// <paramref name="relative"/> is its path under the release-notes folder.
    /// </summary>
    public void StageRemoval(string relative)
    {
        if (_notesRoot is null)
        {
            throw new InvalidOperationException("no release-notes folder to remove drafts from");
        }

        _removals.Add(OutputPaths.Resolve(_notesRoot, relative));
    }

    private readonly List<string> _removals = [];

    /// <summary>The commit: after the journal is written the new state is decided, and the next run completes it if this one is killed.</summary>
    public void Commit()
    {
        // Once begun, finished: a signal never ends the process in the middle of the commit.
        using var section = StopGate.Enter();
        var hasSite = Directory.Exists(SiteSlot);
        if (hasSite)
        {
            File.WriteAllBytes(Path.Combine(SiteSlot, MarkerPrefix + _id), []);
        }

        var journal = new Journal
        {
            Id = _id,
            Moves = [.. _moves],
            Removals = [.. _removals],
            Site = hasSite ? _site : null,
            SiteSlot = hasSite ? SiteSlot : null,
            SiteOld = hasSite ? Path.Combine(Path.GetDirectoryName(_site)!, $".{Path.GetFileName(_site)}.old-{_id}") : null,
            DraftStage = DraftStage,
        };
        _step("journal");
        AtomicFile.WriteAllBytes(JournalPath(_site), JsonSerializer.SerializeToUtf8Bytes(journal, Comms.Core.Json.CoreJsonContext.Default.Journal));
        _done = true;
        Apply(journal, _step);
        _step("journal removed");
        File.Delete(JournalPath(_site));
    }

    /// <summary>Removes what was staged, unless it was committed.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        DeleteFolder(SiteSlot);
        if (DraftStage is not null)
        {
            DeleteFolder(DraftStage);
        }
    }

    /// <summary>
    /// Run before a build stages anything, with the output locked: completes a commit a killed run left (its
    /// journal) and removes leftovers of runs killed before their commit point. Returns one line per thing done.
    /// </summary>
    public static IReadOnlyList<string> Recover(string? notesRoot, string siteFolder, DiagnosticBag? diagnostics = null)
    {
        var done = new List<string>();
        var site = Trim(Path.GetFullPath(siteFolder));
        var siteParent = Path.GetDirectoryName(site)!;
        var journalPath = JournalPath(site);
        if (File.Exists(journalPath) || new FileInfo(journalPath).LinkTarget is not null)
        {
            var journal = ReadJournal(journalPath, out var unreadable);
            var shown = ShownPath(journalPath);
            if (journal is not null)
            {
                var ignored = new List<string>();
                var checkedJournal = Validate(journal, notesRoot is null ? null : Trim(Path.GetFullPath(notesRoot)), site, ignored);
                foreach (var what in ignored)
                {
                    diagnostics?.Warning(Codes.JournalIgnored, $"ignored an entry of the commit journal: {what}; the journal may complete only the moves its own build staged inside the output folder", shown);
                }

                if (checkedJournal is not null)
                {
                    Apply(checkedJournal, _ => { });
                    done.Add($"Completed the commit of an interrupted build ({checkedJournal.Moves.Count} drafts{(checkedJournal.Site is null ? string.Empty : " and the site")}).");
                }
            }
            else if (unreadable is not null)
            {
                diagnostics?.Warning(Codes.JournalIgnored, $"ignored the commit journal: {unreadable}", shown);
            }

            File.Delete(journalPath);
        }

        var removed = 0;
        var siteName = Path.GetFileName(site);
        removed += DeleteMatching(siteParent, $".{siteName}.stage-*", folders: true);
        removed += DeleteMatching(siteParent, $"..{siteName}.stage-*", folders: true);
        removed += DeleteMatching(siteParent, $".{siteName}.new-*", folders: true);
        removed += DeleteMatching(siteParent, $".{siteName}.old-*", folders: true);
        removed += DeleteMatching(siteParent, $".{JournalName}.*.tmp", folders: false);
        if (Directory.Exists(site))
        {
            removed += DeleteMatching(site, MarkerPrefix + "*", folders: false);
        }

        if (notesRoot is not null)
        {
            var root = Trim(Path.GetFullPath(notesRoot));
            removed += DeleteMatching(Path.GetDirectoryName(root)!, $".{Path.GetFileName(root)}.new-*", folders: true);
            if (Directory.Exists(root))
            {
                foreach (var folder in Directory.EnumerateDirectories(root))
                {
                    removed += DeleteMatching(folder, ".*.tmp", folders: false);
                }
            }
        }

        if (removed > 0)
        {
            done.Add($"Removed {removed} leftover{(removed == 1 ? string.Empty : "s")} of an interrupted build.");
        }

        return done;
    }

    /// <summary>The most a journal can take: one entry per draft of a few thousand releases.</summary>
    private const long MaxJournalBytes = 16 * 1024 * 1024;

    private static Journal? ReadJournal(string path, out string? unreadable)
    {
        unreadable = null;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null || InputFile.Kind(path) is not null)
            {
                unreadable = "it is not a regular file";
                return null;
            }

            if (info.Length > MaxJournalBytes)
            {
                unreadable = $"it is larger than {MaxJournalBytes / (1024 * 1024)} MB";
                return null;
            }

            return JsonSerializer.Deserialize(File.ReadAllBytes(path), Comms.Core.Json.CoreJsonContext.Default.Journal);
        }
        catch (JsonException)
        {
            unreadable = "it is not a journal this tool writes";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unreadable = "it cannot be read (" + TextSafety.ForConsole(e.Message) + ")";
            return null;
        }
    }

    /// <summary>
    /// The journal as far as this commit could have written it: its id is one of ours, its staging, old-site and
    /// draft-stage names are exactly the ones a commit of this output makes with that id, every move comes from the
    /// draft stage and goes to a draft inside the release-notes folder (after following links), every removal is a
    /// draft inside it. Anything else is left out and reported; null when nothing of it may be obeyed.
    /// </summary>
    private static Journal? Validate(Journal journal, string? notesRoot, string site, List<string> ignored)
    {
        if (!IsOurId(journal.Id))
        {
            ignored.Add($"its id \"{Shorten(journal.Id)}\" is not one this tool makes");
            return null;
        }

        var siteParent = Path.GetDirectoryName(site)!;
        var draftStage = notesRoot is null ? null : Path.Combine(Path.GetDirectoryName(notesRoot)!, $".{Path.GetFileName(notesRoot)}.new-{journal.Id}");
        var moves = new List<Move>();
        foreach (var move in journal.Moves ?? [])
        {
            if (move is null)
            {
                continue;
            }

            if (draftStage is null || notesRoot is null)
            {
                ignored.Add($"a move to \"{Shorten(move.To)}\" (this run writes no release-notes folder)");
            }
            else if (!IsStagedName(move.Staged, draftStage))
            {
                ignored.Add($"a move from \"{Shorten(move.Staged)}\", which is not a name the commit stages");
            }
            else if (!IsDraftTarget(notesRoot, move.To))
            {
                ignored.Add($"a move to \"{Shorten(move.To)}\", outside the release-notes folder or not a draft");
            }
            else
            {
                moves.Add(move);
            }
        }

        var removals = new List<string>();
        foreach (var removal in journal.Removals ?? [])
        {
            if (removal is null)
            {
                continue;
            }

            if (notesRoot is not null && IsDraftTarget(notesRoot, removal))
            {
                removals.Add(removal);
            }
            else
            {
                ignored.Add($"a removal of \"{Shorten(removal)}\", outside the release-notes folder or not a draft");
            }
        }

        string? siteTarget = null, siteSlot = null, siteOld = null;
        if (journal.Site is not null || journal.SiteSlot is not null || journal.SiteOld is not null)
        {
            var expectedSlot = Path.Combine(siteParent, $".{Path.GetFileName(site)}.stage-{journal.Id}");
            var expectedOld = Path.Combine(siteParent, $".{Path.GetFileName(site)}.old-{journal.Id}");
            if (journal.Site == site && journal.SiteSlot == expectedSlot && journal.SiteOld == expectedOld && !IsLink(expectedSlot) && !IsLink(expectedOld) && !IsLink(site))
            {
                (siteTarget, siteSlot, siteOld) = (site, expectedSlot, expectedOld);
            }
            else
            {
                ignored.Add($"a site exchange of \"{Shorten(journal.SiteSlot)}\" with \"{Shorten(journal.Site)}\", which are not this output's site and its staging names");
            }
        }

        string? stage = null;
        if (journal.DraftStage is not null)
        {
            if (journal.DraftStage == draftStage && !IsLink(draftStage))
            {
                stage = draftStage;
            }
            else
            {
                ignored.Add($"a removal of the folder \"{Shorten(journal.DraftStage)}\", which is not this output's draft stage");
            }
        }

        return journal with { Moves = moves, Removals = removals, Site = siteTarget, SiteSlot = siteSlot, SiteOld = siteOld, DraftStage = stage };
    }

    private static bool IsOurId(string? id) =>
        id is { Length: 12 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static bool IsStagedName(string? staged, string draftStage) =>
        staged is not null &&
        Path.GetDirectoryName(staged) == draftStage &&
        Path.GetFileName(staged) is { Length: 5 } name && name.All(char.IsAsciiDigit) &&
        !IsLink(draftStage) && !IsLink(staged);

    /// <summary>
    /// A draft the build writes: a file below a release's folder inside the release-notes folder (links followed),
    /// never the release team's own input (release.yaml, enhancements.yaml, maps).
    /// </summary>
    private static bool IsDraftTarget(string notesRoot, string? target)
    {
        if (string.IsNullOrEmpty(target) || !Path.IsPathRooted(target) || target.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        string relative;
        try
        {
            var full = Path.GetFullPath(target);
            if (full != target || !OutputPaths.IsInside(notesRoot, full))
            {
                return false;
            }

            relative = Path.GetRelativePath(notesRoot, full);
            if (!OutputPaths.IsInside(OutputPaths.RealPath(notesRoot), OutputPaths.RealPath(full)) || IsLink(full))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }

        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (parts.Length is < 2 or > 3 || parts.Any(p => p is "" or "." or ".."))
        {
            return false;
        }

        var name = parts[^1];
        return name is not ("release.yaml" or "enhancements.yaml") && !parts.Contains("maps", StringComparer.Ordinal);
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static string Shorten(string? text)
    {
        var clean = TextSafety.ForConsole(text ?? string.Empty);
        return clean.Length > 120 ? clean[..117] + "..." : clean;
    }

    private static string ShownPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>Rolls a journal forward; every step can be repeated, so a run killed in the middle is completed by the next.</summary>
    private static void Apply(Journal journal, Action<string> step)
    {
        for (var i = 0; i < journal.Moves.Count; i++)
        {
            var move = journal.Moves[i];
            if (File.Exists(move.Staged))
            {
                step($"draft {i + 1}");
                Directory.CreateDirectory(Path.GetDirectoryName(move.To)!);
                File.Move(move.Staged, move.To, overwrite: true);
            }
        }

        foreach (var removal in journal.Removals)
        {
            if (File.Exists(removal))
            {
                step("removal");
                File.Delete(removal);
            }
        }

        if (journal.Site is not null && journal.SiteSlot is not null && journal.SiteOld is not null)
        {
            var marker = MarkerPrefix + journal.Id;
            if (!File.Exists(Path.Combine(journal.Site, marker)) && Directory.Exists(journal.SiteSlot))
            {
                step("site");
                if (!Directory.Exists(journal.Site))
                {
                    Directory.Move(journal.SiteSlot, journal.Site);
                }
                else if (!Exchange(journal.SiteSlot, journal.Site))
                {
                    // No atomic exchange on this system: two renames; a kill between them is completed by the next run.
                    Directory.Move(journal.Site, journal.SiteOld);
                    step("site moved away");
                    Directory.Move(journal.SiteSlot, journal.Site);
                }
            }

            step("old site removed");
            DeleteFolder(journal.SiteSlot);
            DeleteFolder(journal.SiteOld);
            var markerPath = Path.Combine(journal.Site, marker);
            if (File.Exists(markerPath))
            {
                File.Delete(markerPath);
            }
        }

        if (journal.DraftStage is not null)
        {
            DeleteFolder(journal.DraftStage);
        }
    }

    /// <summary>When set, the site is swapped with two renames instead of one exchange (a test seam for systems without it).</summary>
    public static bool DisableExchange { get; set; } = Environment.GetEnvironmentVariable("COMMS_TEST_NO_EXCHANGE") == "1";

    private static bool Exchange(string a, string b)
    {
        if (DisableExchange || !OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Native.RenameAt2(Native.AtFdCwd, a, Native.AtFdCwd, b, Native.RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static string JournalPath(string site) => Path.Combine(Path.GetDirectoryName(site)!, JournalName);

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar) : path;

    private static int DeleteMatching(string folder, string pattern, bool folders)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        var entries = folders ? Directory.GetDirectories(folder, pattern) : Directory.GetFiles(folder, pattern);
        foreach (var entry in entries)
        {
            if (folders)
            {
                DeleteFolder(entry);
            }
            else
            {
                File.Delete(entry);
            }

            count++;
        }

        return count;
    }

    private static void DeleteFolder(string folder)
    {
        if (new FileInfo(folder).LinkTarget is not null)
        {
            File.Delete(folder);
            return;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public sealed record Move(string Staged, string To);

    public sealed record Journal
    {
        public string Id { get; init; } = string.Empty;
        public IReadOnlyList<Move> Moves { get; init; } = [];
        public IReadOnlyList<string> Removals { get; init; } = [];
        public string? Site { get; init; }
        public string? SiteSlot { get; init; }
        public string? SiteOld { get; init; }
        public string? DraftStage { get; init; }
    }

    private static class Native
    {
        public const int AtFdCwd = -100;
        public const uint RenameExchange = 2;

        [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
        public static extern int RenameAt2(int oldDir, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDir, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
    }
}
