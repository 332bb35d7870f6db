using Comms.Core.Diagnostics;

namespace Comms.Site.Templates;

/// <summary>The template engine behind the site's layouts; the only place that knows which engine it is.</summary>
public interface ITemplateEngine
{
    /// <summary>Registers a partial usable as <c>{{> name}}</c> from every template.</summary>
    void AddPartial(string name, string source, string file, DiagnosticBag d);

    /// <summary>Compiles a template; reports a diagnostic pointing at the file when it does not compile.</summary>
    bool Compile(string name, string source, string file, DiagnosticBag d);

    /// <summary>Renders a compiled template. Values in <c>{{ }}</c> are HTML-escaped; <c>{{{ }}}</c> takes HTML made safe by the builder.</summary>
    string Render(string name, object model);
}
