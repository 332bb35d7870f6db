using System.Collections.Concurrent;
using Comms.Core.Diagnostics;
using HandlebarsDotNet;

namespace Comms.Templates;

/// <summary>
/// Handlebars.Net behind <see cref="ITemplateEngine"/>. Output is Markdown, so nothing is HTML-escaped
/// here (the site escapes when it renders). A reference to a field the model lacks is an error, not blank text.
/// </summary>
public sealed class HandlebarsEngine : ITemplateEngine
{
    private readonly IHandlebars _handlebars;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>?> _compiled = new(StringComparer.Ordinal);

    public HandlebarsEngine()
    {
        _handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            ThrowOnUnresolvedBindingExpression = true,
            FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        });
        TemplateHelpers.Register(_handlebars);
    }

    public string? Render(string templatePath, IReadOnlyDictionary<string, object?> model, DiagnosticBag diagnostics)
    {
        string source;
        try
        {
            source = File.ReadAllText(templatePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Core.Compose.ComposeCodes.TemplateError, $"cannot read template: {e.Message}", templatePath);
            return null;
        }

        var template = _compiled.GetOrAdd(templatePath + "\n" + source, _ => Compile(templatePath, source, diagnostics));
        if (template is null)
        {
            return null;
        }

        try
        {
            return template(model, null!);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // Undefined bindings, bad helper arguments: whatever the template did wrong is reported at its place.
            TemplateErrors.Render(e, templatePath, source, diagnostics);
            return null;
        }
    }

    private HandlebarsTemplate<object, object>? Compile(string path, string source, DiagnosticBag diagnostics)
    {
        try
        {
            return _handlebars.Compile(source);
        }
        catch (Exception e) when (e is HandlebarsException or InvalidOperationException or ArgumentException)
        {
            TemplateErrors.Compile(e, path, source, diagnostics);
            return null;
        }
    }
}
