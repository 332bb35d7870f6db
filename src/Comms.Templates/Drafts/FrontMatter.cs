using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Comms.Templates.Drafts;

/// <summary>
/// Front matter written by a YAML emitter, never by pasting text: a codename with quotes or newlines stays
/// inside its value and cannot add keys (such as <c>draft: false</c>).
/// </summary>
public static class FrontMatter
{
    /// <summary>The blog post's front matter, <c>---</c> lines included, ending with a newline.</summary>
    public static string Blog(ReleaseModel release, CommsConfig config, Phrases? phrases = null)
    {
        var p = phrases ?? Phrases.English;
        var r = release.Release;
        var version = DraftModel.ShortVersion(r.Version);
        var title = string.IsNullOrEmpty(r.Codename)
            ? p.Format("titles.blog", ("project", config.Project.Name), ("version", version))
            : p.Format("titles.blog_codename", ("project", config.Project.Name), ("version", version), ("codename", r.Codename));
        return Write(
        [
            ("layout", "blog", ScalarStyle.Plain),
            ("title", title, ScalarStyle.DoubleQuoted),
            ("date", r.ReleaseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "YYYY-MM-DD", ScalarStyle.Any),
            ("slug", DraftModel.Slug(config.Project.Name, r.Version), ScalarStyle.Any),
            ("draft", "true", ScalarStyle.Plain),
            ("author", r.Author ?? p.Format("slots.author", ("project", config.Project.Name), ("version", version)), ScalarStyle.DoubleQuoted),
        ]);
    }

    public static string Write(IEnumerable<(string Key, string Value, ScalarStyle Style)> fields)
    {
        using var writer = new StringWriter();
        writer.NewLine = "\n";
        var emitter = new Emitter(writer, new EmitterSettings().WithMaxSimpleKeyLength(1024).WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: false));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        foreach (var (key, value, style) in fields)
        {
            emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, true, false));
            var clean = TextSafety.Clean(value);
            emitter.Emit(new Scalar(null, null, clean, style, style is ScalarStyle.Plain or ScalarStyle.Any, style is not ScalarStyle.Plain));
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n---\n";
    }
}
