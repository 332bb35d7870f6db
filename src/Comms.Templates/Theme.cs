namespace Comms.Templates;

/// <summary>
/// Where templates come from: the user's theme folder first, then the default theme. Any template can
/// be overridden by putting a file of the same name in the user's folder.
/// </summary>
public sealed class Theme(IReadOnlyList<string> folders)
{
    public IReadOnlyList<string> Folders { get; } = folders;

    /// <summary>
    /// The search order: the user's theme (<c>--theme</c>), the project's <c>themes/default</c> under
    /// <paramref name="root"/>, then the default theme shipped beside the tool.
    /// </summary>
    public static Theme Default(string root, string? userTheme = null)
    {
        var folders = new List<string>();
        if (userTheme is not null)
        {
            folders.Add(Path.GetFullPath(userTheme));
        }

        folders.Add(Path.GetFullPath(Path.Combine(root, "themes", "default")));
        folders.Add(Path.Combine(AppContext.BaseDirectory, "themes", "default"));
        return new Theme(folders.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The first folder's file named <paramref name="name"/>, or null.</summary>
    public string? Find(string name) =>
        Folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
}
