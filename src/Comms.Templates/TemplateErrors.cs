using System.Text.RegularExpressions;
using Comms.Core.Compose;
using Comms.Core.Diagnostics;

namespace Comms.Templates;

/// <summary>Turns template-engine failures into diagnostics that name the template file, line and column.</summary>
public static partial class TemplateErrors
{
    [GeneratedRegex(@"Occured at: ?(\d+):(\d+)")]
    private static partial Regex Position();

    [GeneratedRegex(@"^(.+?) is undefined")]
    private static partial Regex Undefined();

    /// <summary>A template that does not compile, at the place the engine names (or the first expression it quotes).</summary>
    public static void Compile(Exception e, string file, string source, DiagnosticBag diagnostics, string code = ComposeCodes.TemplateError)
    {
        var message = e.Message.Split('\n')[0].Trim();
        var (line, column) = Position().Match(e.Message) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : Locate(source, Token(message));
        diagnostics.Error(code, $"template error: {message}", file, line, column);
    }

    /// <summary>A template that failed while rendering; an undefined field is named with its path and place.</summary>
    public static void Render(Exception e, string file, string source, DiagnosticBag diagnostics)
    {
        var message = e.Message.Split('\n')[0].Trim();
        if (Undefined().Match(message) is { Success: true } m)
        {
            var (line, column, field) = Find(source, m.Groups[1].Value);
            diagnostics.Error(ComposeCodes.TemplateUnknownField,
                $"the template uses \"{field}\", which the model does not have; see docs/templates.md for the fields", file, line, column);
            return;
        }

        var at = Locate(source, Token(message));
        diagnostics.Error(ComposeCodes.TemplateError, $"template error: {message}", file, at.Line, at.Column);
    }

    /// <summary>A token quoted in an engine message, e.g. <c>'/each'</c> in "A closing element '/each' ...".</summary>
    private static string? Token(string message) =>
        message.Split('\'') is { Length: >= 3 } parts ? parts[1] : null;

    private static (int Line, int Column) Locate(string source, string? token)
    {
        var (line, column, _) = Find(source, token);
        return (line, column);
    }

    /// <summary>
    /// Line and column of the first <c>{{</c> expression mentioning <paramref name="token"/> (alone or as the
    /// last part of a path such as <c>release.codename</c>), and the whole path as written; (1,1) if none.
    /// </summary>
    private static (int Line, int Column, string Path) Find(string source, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (1, 1, token ?? string.Empty);
        }

        var start = 0;
        while ((start = source.IndexOf("{{", start, StringComparison.Ordinal)) >= 0)
        {
            var end = source.IndexOf("}}", start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var expression = source[start..end];
            if (Regex.Match(expression, $@"(?<![\w.@])(?:[\w@]+\.)*{Regex.Escape(token)}(?![\w])") is { Success: true } found)
            {
                var before = source[..start];
                var line = before.Count(c => c == '\n') + 1;
                return (line, start - (before.LastIndexOf('\n') + 1) + 1, found.Value);
            }

            start = end;
        }

        return (1, 1, token);
    }
}
