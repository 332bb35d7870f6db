using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comms.Core.Diagnostics;

namespace Comms.Core.Json;

/// <summary>One record of a streamed JSON file: its text and where it starts (0-based line, 0-based byte column).</summary>
/// <param name="Index">The record's place in the file (0-based): the array index, the NDJSON record count, the object's property count.</param>
/// <param name="Key">The property name, for an object of records (release-notes JSON keyed by PR number); else null.</param>
public readonly record struct JsonRecord(string Text, int Line, int Column, int Index, string? Key)
{
    /// <summary>The record parsed on its own, syntax errors located in the file; null after a diagnostic.</summary>
    public JsonDocument? Parse(string file, DiagnosticBag diagnostics, IO.InputLimits limits) =>
        JsonInput.Parse(Text, file, diagnostics, lineOffset: Line, limits: limits, columnOffset: Column);

    /// <summary>Where the parsed record's elements are in the file.</summary>
    public JsonSpot Spot(string file, JsonDocument doc) => JsonSpot.For(file, doc.RootElement, Text, Line, Column);
}

/// <summary>
/// Reads a JSON file a record at a time, never the whole file at once: NDJSON line by line, a JSON array element by
/// element and an object property by property (<see cref="Utf8JsonReader"/> over the file). Only one record is held at
/// a time, so a file of any size reads in the memory of its largest record, which
/// <see cref="IO.InputLimits.MaxRecordBytes"/> bounds: a larger record is a located error (CM1008).
/// </summary>
public static class JsonRecords
{
    /// <summary>How a file's records are laid out.</summary>
    public enum Shape
    {
        /// <summary>Not streamable (a single object, or not JSON at all): read it whole.</summary>
        Whole,
        Ndjson,
        Array,

        /// <summary>An object whose values are the records (release-notes JSON keyed by PR number).</summary>
        Object,
    }

    private const int Chunk = 1 << 20;

    /// <summary>
    /// The shape of the file from its first bytes: <c>[</c> is an array; <c>{</c> starting every non-empty line (and ending
    /// it with <c>}</c>) on more than one line is NDJSON; <c>{</c> whose first key is a number and first value an object
    /// (or an empty object) is an object of records when <paramref name="objects"/>; anything else is read whole.
    /// </summary>
    public static Shape Detect(string path, bool objects, out bool binary)
    {
        binary = false;
        using var stream = Open(path);
        var head = new byte[64 * 1024];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, length);
        if (JsonInput.LooksBinary(span))
        {
            binary = true;
            return Shape.Whole;
        }

        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var first = start;
        while (first < length && IsSpace(span[first]))
        {
            first++;
        }

        if (first >= length)
        {
            return Shape.Whole;
        }

        if (span[first] == (byte)'[')
        {
            return Shape.Array;
        }

        if (span[first] != (byte)'{')
        {
            return Shape.Whole;
        }

        stream.Position = 0;
        if (IsNdjson(stream))
        {
            return Shape.Ndjson;
        }

        return objects && IsRecordObject(span[first..]) ? Shape.Object : Shape.Whole;
    }

    /// <summary>Every record of the file, in order, to <paramref name="record"/>; errors (syntax, an oversized record) are diagnostics.</summary>
    public static void Read(string path, Shape shape, IO.InputLimits limits, DiagnosticBag diagnostics, Action<JsonRecord> record)
    {
        try
        {
            using var stream = Open(path);
            if (shape == Shape.Ndjson)
            {
                ReadLines(stream, path, limits, diagnostics, record);
            }
            else
            {
                ReadContainer(stream, path, shape, limits, diagnostics, record);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.InputUnreadable, $"cannot read the input file: {e.Message}", path);
        }
    }

    /// <summary>
    /// The shape of a regular file named as <paramref name="what"/> in diagnostics; null after a diagnostic (missing,
    /// not a regular file, unreadable, binary).
    /// </summary>
    public static Shape? Open(string path, string what, bool objects, DiagnosticBag diagnostics)
    {
        if (IO.InputFile.Kind(path) is { } kind)
        {
            diagnostics.Error(kind == "missing" ? Codes.InputNotFound : Codes.InputUnreadable,
                kind == "missing" ? $"{what} not found" : $"{what} must be a regular file, not {kind}", path);
            return null;
        }

        try
        {
            var shape = Detect(path, objects, out var binary);
            if (binary)
            {
                diagnostics.Error(Codes.InputBinary, "this is not a text file (it holds binary data); expected JSON pull requests", path, 1, 1);
                return null;
            }

            return shape;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.InputUnreadable, $"cannot read {what}: {e.Message}", path);
            return null;
        }
    }

    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static readonly SearchValues<byte> Spaces = SearchValues.Create(" \t\r\n"u8);

    /// <summary>More than one non-empty line, each starting with <c>{</c> and ending with <c>}</c> (a scan of the bytes, nothing kept).</summary>
    private static bool IsNdjson(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            var lines = 0;
            var atStart = true; // no non-space byte yet on this line
            byte last = 0;
            var bom = true;
            int read;
            while ((read = stream.Read(buffer, 0, Chunk)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                if (bom)
                {
                    bom = false;
                    if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        span = span[3..];
                    }
                }

                // Line by line with vectorised searches (the file is scanned whole before it is read).
                while (true)
                {
                    var newline = span.IndexOf((byte)'\n');
                    var segment = newline < 0 ? span : span[..newline];
                    var at = segment.IndexOfAnyExcept(Spaces);
                    if (at >= 0)
                    {
                        if (atStart && segment[at] != (byte)'{')
                        {
                            return false;
                        }

                        atStart = false;
                        last = segment[segment.LastIndexOfAnyExcept(Spaces)];
                    }

                    if (newline < 0)
                    {
                        break;
                    }

                    if (!atStart)
                    {
                        if (last != (byte)'}')
                        {
                            return false;
                        }

                        lines++;
                    }

                    atStart = true;
                    span = span[(newline + 1)..];
                }
            }

            if (!atStart)
            {
                if (last != (byte)'}')
                {
                    return false;
                }

                lines++;
            }

            return lines > 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The first key is a number and its value an object, or the object is empty.</summary>
    private static bool IsRecordObject(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            return reader.TokenType == JsonTokenType.PropertyName &&
                   int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _) &&
                   reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>NDJSON: each non-empty line is a record; a line over the limit is an error at its line, and reading goes on after it.</summary>
    private static void ReadLines(Stream stream, string path, IO.InputLimits limits, DiagnosticBag diagnostics, Action<JsonRecord> record)
    {
        var max = limits.MaxRecordBytes;
        var buffer = new byte[Chunk];
        var line = new ArrayBufferWriter<byte>(4096);
        var number = 0;
        var index = 0;
        var skipping = false;
        var first = true;
        var utf8 = new UTF8Encoding(false, false);
        int read;

        void Emit()
        {
            var span = line.WrittenSpan;
            if (first)
            {
                first = false;
                if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    span = span[3..];
                }
            }

            var text = utf8.GetString(span).Trim();
            if (text.Length > 0)
            {
                record(new JsonRecord(text, number, 0, index++, null));
            }
        }

        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            while (span.Length > 0)
            {
                var newline = span.IndexOf((byte)'\n');
                var part = newline < 0 ? span : span[..newline];
                if (!skipping)
                {
                    if (line.WrittenCount + part.Length > max)
                    {
                        TooLarge(path, max, number, 0, diagnostics);
                        skipping = true;
                        line.ResetWrittenCount();
                    }
                    else
                    {
                        line.Write(part);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                if (!skipping)
                {
                    Emit();
                }

                first = false;
                skipping = false;
                line.ResetWrittenCount();
                number++;
                span = span[(newline + 1)..];
            }
        }

        if (!skipping && line.WrittenCount > 0)
        {
            Emit();
        }
    }

    private static void TooLarge(string path, long max, int line, int column, DiagnosticBag diagnostics) =>
        diagnostics.Error(Codes.InputTooLarge,
            $"this record is larger than {max.ToString(CultureInfo.InvariantCulture)} bytes (limits.max_record_bytes; raise it in comms.yaml if this is intended)",
            path, line + 1, column + 1);

    /// <summary>
    /// An array's elements or an object's values, each a record, read with <see cref="Utf8JsonReader"/> over chunks of the
    /// file: the buffer holds at most the current record (and one chunk), never the file.
    /// </summary>
    private static void ReadContainer(Stream stream, string path, Shape shape, IO.InputLimits limits, DiagnosticBag diagnostics, Action<JsonRecord> record)
    {
        var max = limits.MaxRecordBytes;
        var source = new CleanUtf8(stream);
        var buffer = new byte[Chunk];
        var length = 0;
        var final = false;
        // Where buffer[0] is in the file (0-based line, 0-based byte column).
        var bufferLine = 0;
        var bufferColumn = 0;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var index = 0;
        string? key = null;
        var utf8 = new UTF8Encoding(false, false);
        // The position of an offset in the buffer, counted on from the last one asked for (records come in order), so a
        // buffer of many records is scanned once, not once per record.
        long atOffset = 0;
        var atLine = 0;
        var atColumn = 0;

        void Fill()
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = source.Read(buffer.AsSpan(length));
            length += read;
            final = read == 0;
        }

        // Drops the first `count` bytes of the buffer (all read), keeping the position of what is left.
        void Drop(int count)
        {
            var dropped = buffer.AsSpan(0, count);
            var newlines = dropped.Count((byte)'\n');
            if (newlines > 0)
            {
                bufferLine += newlines;
                bufferColumn = count - dropped.LastIndexOf((byte)'\n') - 1;
            }
            else
            {
                bufferColumn += count;
            }

            buffer.AsSpan(count, length - count).CopyTo(buffer);
            length -= count;
            (atOffset, atLine, atColumn) = (0, bufferLine, bufferColumn);
        }

        (int Line, int Column) At(long offset)
        {
            if (offset < atOffset)
            {
                (atOffset, atLine, atColumn) = (0, bufferLine, bufferColumn);
            }

            var between = buffer.AsSpan((int)atOffset, (int)(offset - atOffset));
            var newlines = between.Count((byte)'\n');
            (atLine, atColumn) = newlines == 0 ? (atLine, atColumn + between.Length) : (atLine + newlines, between.Length - between.LastIndexOf((byte)'\n') - 1);
            atOffset = offset;
            return (atLine, atColumn);
        }

        Fill();
        if (length >= 3 && buffer.AsSpan(0, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            buffer.AsSpan(3, length - 3).CopyTo(buffer);
            length -= 3;
        }

        try
        {
            while (true)
            {
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
                var need = false;
                while (true)
                {
                    var before = reader.CurrentState;
                    var consumed = reader.BytesConsumed;
                    if (!reader.Read())
                    {
                        need = true;
                        break;
                    }

                    if (reader.CurrentDepth == 0)
                    {
                        var expected = shape == Shape.Array ? JsonTokenType.StartArray : JsonTokenType.StartObject;
                        if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && reader.TokenType != expected)
                        {
                            var (line, column) = At(reader.TokenStartIndex);
                            diagnostics.Error(Codes.InputUnknownShape, shape == Shape.Array ? "expected a JSON array" : "expected a JSON object", path, line + 1, column + 1);
                            return;
                        }

                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        key = reader.GetString();
                        continue;
                    }

                    // A record: the value at depth 1, whole.
                    var start = reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        // Not all in the buffer: read more, from the record's start again.
                        if (length - start > max)
                        {
                            var (line, column) = At(start);
                            TooLarge(path, max, line, column, diagnostics);
                            return;
                        }

                        state = before;
                        Drop((int)consumed);
                        need = false;
                        goto refill;
                    }

                    var end = reader.BytesConsumed;
                    if (end - start > max)
                    {
                        var (line, column) = At(start);
                        TooLarge(path, max, line, column, diagnostics);
                        return;
                    }

                    var (recordLine, recordColumn) = At(start);
                    record(new JsonRecord(utf8.GetString(buffer, (int)start, (int)(end - start)), recordLine, recordColumn, index++, key));
                }

                if (need && final)
                {
                    return;
                }

                state = reader.CurrentState;
                Drop((int)reader.BytesConsumed);
            refill:
                Fill();
            }
        }
        catch (JsonException e)
        {
            var (line, column) = ((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            diagnostics.Error(Codes.JsonMalformed, $"malformed JSON: {JsonInput.Describe(e)}", path, line + 1, column + 1);
        }
    }

    /// <summary>The file's bytes with invalid UTF-8 replaced by U+FFFD (as the text readers decode it), chunk by chunk.</summary>
    private sealed class CleanUtf8(Stream inner)
    {
        private readonly byte[] _raw = new byte[Chunk];
        private int _held;
        private byte[] _out = [];
        private int _outStart;
        private int _outLength;

        public int Read(Span<byte> destination)
        {
            if (_outLength == 0 && !Next())
            {
                return 0;
            }

            var n = Math.Min(destination.Length, _outLength);
            _out.AsSpan(_outStart, n).CopyTo(destination);
            _outStart += n;
            _outLength -= n;
            return n;
        }

        private bool Next()
        {
            var read = inner.Read(_raw, _held, _raw.Length - _held);
            var total = _held + read;
            if (total == 0)
            {
                return false;
            }

            // Keep an incomplete sequence at the end for the next chunk (unless the file ends here).
            var complete = read == 0 ? total : CompleteLength(_raw.AsSpan(0, total));
            var span = _raw.AsSpan(0, complete);
            if (System.Text.Unicode.Utf8.IsValid(span))
            {
                _out = _out.Length >= complete ? _out : new byte[Math.Max(complete, Chunk)];
                span.CopyTo(_out);
                _outLength = complete;
            }
            else
            {
                _out = Encoding.UTF8.GetBytes(new UTF8Encoding(false, false).GetString(span));
                _outLength = _out.Length;
            }

            _outStart = 0;
            _raw.AsSpan(complete, total - complete).CopyTo(_raw);
            _held = total - complete;
            return _outLength > 0 || read > 0;
        }

        private static int CompleteLength(ReadOnlySpan<byte> bytes)
        {
            for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
            {
                var b = bytes[^back];
                if ((b & 0xC0) == 0x80)
                {
                    continue; // a continuation byte: look further back for its lead
                }

                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? bytes.Length - back : bytes.Length;
            }

            return bytes.Length;
        }
    }
}
