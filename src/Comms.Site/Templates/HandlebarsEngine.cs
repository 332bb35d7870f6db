using Comms.Core.Diagnostics;
using Comms.Templates;
using HandlebarsDotNet;

namespace Comms.Site.Templates;

/// <summary><see cref="ITemplateEngine"/> on Handlebars.Net.</summary>
public sealed class HandlebarsEngine : ITemplateEngine
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
            TemplateErrors.Compile(e, file, source, d, SiteCodes.TemplateInvalid);
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
            TemplateErrors.Compile(e, file, source, d, SiteCodes.TemplateInvalid);
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
}

/// <summary>A layout failed while rendering; the builder turns it into a diagnostic.</summary>
public sealed class TemplateRenderException(string message, Exception inner) : Exception(message, inner);
