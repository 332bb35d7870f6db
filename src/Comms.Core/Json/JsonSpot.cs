using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Comms.Core.Json;

/// <summary>
/// Where an element of a parsed JSON document is in its file: the distance of the element's raw bytes from the
/// root's, counted in lines and columns (UTF-8 bytes, as the parser reports them) from where the root starts.
/// </summary>
public sealed class JsonSpot
{
    private readonly JsonElement _root;
    private readonly int _line;
    private readonly int _column;

    private JsonSpot(string file, JsonElement root, int line, int column)
    {
        File = file;
        _root = root;
        _line = line;
        _column = column;
    }

    public string File { get; }

    /// <summary>
    /// A document parsed from <paramref name="text"/>; <paramref name="lineOffset"/> lines come before the text (NDJSON), and
    /// <paramref name="columnOffset"/> bytes before it on its first line (a record of an array).
    /// </summary>
    public static JsonSpot For(string file, JsonElement root, string text, int lineOffset = 0, int columnOffset = 0)
    {
        var line = 1 + lineOffset;
        var column = 1 + columnOffset;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                column += c == '\uFEFF' ? 0 : 1;
            }
            else
            {
                break;
            }
        }

        return new JsonSpot(file, root, line, column);
    }

    /// <summary>A root whose text is not at hand: it is taken to start at line 1, column 1.</summary>
    public static JsonSpot At(string file, JsonElement root) => new(file, root, 1, 1);

    /// <summary>The line and column of <paramref name="element"/>, which must belong to this document.</summary>
    public (int Line, int Column) Of(JsonElement element)
    {
        var root = JsonMarshal.GetRawUtf8Value(_root);
        var value = JsonMarshal.GetRawUtf8Value(element);
        var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(root), ref MemoryMarshal.GetReference(value));
        if (offset < 0 || offset > root.Length)
        {
            return (_line, _column);
        }

        var before = root[..(int)offset];
        var newlines = before.Count((byte)'\n');
        if (newlines == 0)
        {
            return (_line, _column + before.Length);
        }

        return (_line + newlines, before.Length - before.LastIndexOf((byte)'\n'));
    }
}
