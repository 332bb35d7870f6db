using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;
using HandlebarsDotNet;

namespace Comms.Site.Templates;

/// <summary><see cref="ITemplateEngine"/> on Handlebars.Net.</summary>
public sealed partial class HandlebarsEngine : ITemplateEngine
{
    private readonly IHandlebars _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = false });
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public void AddPartial(string name, string source, string file, DiagnosticBag d)
    {
        try
        {
            _handlebars.RegisterTemplate(name, source);
        }
        catch (HandlebarsException e)
        {
            Report(e, file, d);
        }
    }

    public bool Compile(string name, string source, string file, DiagnosticBag d)
    {
        try
        {
            _templates[name] = _handlebars.Compile(source);
            _files[name] = file;
            return true;
        }
        catch (HandlebarsException e)
        {
            Report(e, file, d);
            return false;
        }
    }

    public string Render(string name, object model)
    {
        try
        {
            return _templates[name](model);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateRenderException($"{_files[name]}: the layout failed: {e.Message}", e);
        }
    }

    private static void Report(HandlebarsException e, string file, DiagnosticBag d)
    {
        var at = Position().Match(e.Message);
        var line = at.Success ? int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var column = at.Success ? int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        d.Error(SiteCodes.TemplateInvalid, $"the layout does not compile: {e.Message}", file, line, column);
    }

    [GeneratedRegex(@"line:?\s*(\d+)\D+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Position();
}

/// <summary>A layout failed while rendering; the builder turns it into a diagnostic.</summary>
public sealed class TemplateRenderException(string message, Exception inner) : Exception(message, inner);
