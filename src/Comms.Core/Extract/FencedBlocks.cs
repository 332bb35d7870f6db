namespace Comms.Core.Extract;

/// <summary>A fenced code block found in a PR body: its info string, content and where it starts.</summary>
public sealed record FencedBlock(string Info, string Content, int Line, int Column, bool Closed);

/// <summary>
/// Finds fenced blocks line by line, as CommonMark does: an opener of three or more backticks or tildes
/// with an info string, closed by a line of at least as many of the same character and nothing else.
/// Linear in the body's length, so a 10 MB body costs no more than reading it.
/// </summary>
public static class FencedBlocks
{
    public static IReadOnlyList<FencedBlock> Find(string body)
    {
        var lines = body.Split('\n');
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryOpen(lines[i], out var fenceChar, out var fenceLength, out var info, out var column))
            {
                continue;
            }

            if (info.EndsWith(new string(fenceChar, fenceLength), StringComparison.Ordinal))
            {
                // "```release-note```": a block opened and closed on one line, so empty.
                blocks.Add(new FencedBlock(info.TrimEnd(fenceChar).Trim(), string.Empty, i + 1, column, Closed: true));
                continue;
            }

            var content = new List<string>();
            var closed = false;
            var start = i;
            for (i++; i < lines.Length; i++)
            {
                var line = lines[i];
                if (IsClose(line, fenceChar, fenceLength))
                {
                    closed = true;
                    break;
                }

                // "text```" at the end of a line closes the block too (a common slip in PR bodies).
                var trimmed = line.TrimEnd();
                var fence = new string(fenceChar, fenceLength);
                if (trimmed.EndsWith(fence, StringComparison.Ordinal) && trimmed.Length > fenceLength &&
                    trimmed[trimmed.Length - fenceLength - 1] != fenceChar)
                {
                    content.Add(trimmed[..^fenceLength]);
                    closed = true;
                    break;
                }

                content.Add(line);
            }

            blocks.Add(new FencedBlock(info, string.Join('\n', content), start + 1, column, closed));
        }

        return blocks;
    }

    private static bool TryOpen(string line, out char fenceChar, out int fenceLength, out string info, out int column)
    {
        fenceChar = '\0';
        fenceLength = 0;
        info = string.Empty;
        var indent = 0;
        while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t'))
        {
            indent++;
        }

        column = indent + 1;
        if (indent >= line.Length || (line[indent] != '`' && line[indent] != '~'))
        {
            return false;
        }

        fenceChar = line[indent];
        var end = indent;
        while (end < line.Length && line[end] == fenceChar)
        {
            end++;
        }

        fenceLength = end - indent;
        if (fenceLength < 3)
        {
            return false;
        }

        info = line[end..].Trim();
        if (fenceChar == '`' && info.Contains('`', StringComparison.Ordinal))
        {
            // "```foo```" is inline code unless it is exactly a name closed by the same fence.
            var name = info.TrimEnd('`');
            return name.Length > 0 && !name.Contains('`', StringComparison.Ordinal) &&
                   info.Length - name.Length == fenceLength;
        }

        return true;
    }

    private static bool IsClose(string line, char fenceChar, int fenceLength)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fenceLength && trimmed.All(c => c == fenceChar);
    }
}
