using System.Text;

namespace Comms.Site.Render;

/// <summary>File-name and attribute-safe ids: lower-case a-z, 0-9, dots, underscores and single dashes; a name that loses anything gets a hash of itself.</summary>
public static class Slug
{
    /// <summary>Slugs are cut to this length (plus a hash) so file names stay short.</summary>
    public const int MaxLength = 60;

    public static string Of(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-', '.');
        if (slug.Length == 0 || slug.Length > MaxLength || !string.Equals(slug, value, StringComparison.OrdinalIgnoreCase))
        {
            slug = slug.Length > MaxLength ? slug[..MaxLength].Trim('-', '.') : slug;
            // Different names must not share a slug: add 48 bits of a SHA-256 of the original (the build still checks uniqueness).
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
            slug = (slug.Length == 0 ? "x" : slug) + "-" + hash;
        }

        return slug;
    }
}
