using Comms.Core.Diagnostics;

namespace Comms.Templates;

/// <summary>The one seam between Comms and its template language.</summary>
public interface ITemplateEngine
{
    /// <summary>Renders the template file with the model; null (and diagnostics) on a template error.</summary>
    string? Render(string templatePath, IReadOnlyDictionary<string, object?> model, DiagnosticBag diagnostics);
}
