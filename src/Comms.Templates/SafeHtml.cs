namespace Comms.Templates;

/// <summary>
/// HTML that the site builder made safe (sanitised Markdown, a rendered partial). Site layouts write it as it
/// is; every other value is HTML-escaped.
/// </summary>
public sealed record SafeHtml(string Html)
{
    public static readonly SafeHtml Empty = new(string.Empty);

    public override string ToString() => Html;
}
