namespace Comms.TestKit;

/// <summary>The XSS corpus: the site's payloads (<c>tests/Comms.Site.Tests/Xss/payloads.txt</c>) and the Markdown-specific ones found in the drafts.</summary>
public static class XssPayloads
{
    /// <summary>One payload a line, each tried in every place untrusted text goes.</summary>
    public static IReadOnlyList<string> Site() =>
        File.ReadAllLines(Path.Combine(Repo.Root, "tests", "Comms.Site.Tests", "Xss", "payloads.txt")).Where(l => l.Length > 0).ToArray();

    /// <summary>Payloads that only Markdown makes live: code spans, fences, links, images, shortcodes, attribute blocks.</summary>
    public static readonly string[] Markdown =
    [
        "```x``` <img src=x onerror=alert(1)>",
        "`unclosed <img src=x onerror=alert(1)>",
        "``a` <img src=x onerror=alert(1)> `b``",
        "` `` <script>alert(1)</script>",
        "x\n\n    <img src=x onerror=alert(1)>",
        "```\n<img src=x onerror=alert(1)>",
        "~~~\n<script>alert(1)</script>\n~~~\n<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](  JaVa\tScRiPt:alert(1))",
        "[click][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "[[a](javascript:x)](javascript:alert(1))",
        "![x](https://evil.example/track.png)",
        "![x](//evil.example/track.png)",
        "[![x](https://evil.example/t.png)](https://ok.example)",
        "{{% param \"x\" %}} and {{< ref \"x\" >}}",
        "`{{% param \"x\" %}}`",
        "# Title {onclick=\"alert(1)\"}",
        "Title {onclick=alert(1)}\n===",
        "<div>\n<img src=x onerror=alert(1)>\n</div>",
        "<!-- x --><script>alert(1)</script>",
        "\\<img src=x onerror=alert(1)>",
        "\\\\<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "- item\n\n      <img src=x onerror=alert(1)>",
        "> quote <img src=x onerror=alert(1)>",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | `x` |",
    ];

    /// <summary>
    /// Text that Markdig and the renderers that publish drafts (goldmark in Hugo, cmark-gfm) parse differently: what
    /// one reads as code another reads as raw HTML.
    /// </summary>
    public static readonly string[] Differential =
    [
        "| a | b |\n|---|---|\n| `x|<img src=x onerror=alert(1)>|y` | z |",
        "x | `y|<svg onload=alert(1)>|`\n--|--\n1|2",
        "| a |\n|---|\n| `x\\|<script>alert(1)</script>\\|` |",
        "Text[^1]\n\n[^1]: note\n\n    <script>alert(1)</script>",
        "Text[^2]\n\n[^2]: `a|<img src=x onerror=alert(1)>|`",
        "Term\n: `def\n<img src=x onerror=alert(1)>` x",
        "`a\n<img src=x onerror=alert(1)>`",
        "- a\n\n  ```\n  <img src=x onerror=alert(1)>\n  ```",
        "> ```\n> <img src=x onerror=alert(1)>",
        "1. x\n\n    <script>alert(1)</script>",
        "- x\n\n        <img src=x onerror=alert(1)>",
        "`<!-- ` <script>alert(1)</script> ` -->`",
        "* a\n<!-- `\n<img src=x onerror=alert(1)>\n` -->",
        "Term\n:   <img src=x onerror=alert(1)>",
        "    ```\n<img src=x onerror=alert(1)>",
    ];
}
