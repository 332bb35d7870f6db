using Comms.TestKit;

namespace Comms.Site.Tests.Fixture;

/// <summary>A small hand-made release folder with release.yaml, drafts and Comms fields (audiences, stability, highlight).</summary>
public static class SampleRelease
{
    public const string Version = "2.1.0";

    public static string NotesJson => """
    {
      "101": {"pr_number": 101, "text": "Add the `--watch` flag to `kubectl events`.", "author": "alice", "author_url": "https://github.com/alice",
              "pr_url": "https://github.com/example/project/pull/101", "kinds": ["feature"], "sigs": ["cli"], "areas": ["kubectl"], "feature": true,
              "documentation": [{"description": "[KEP]", "url": "https://github.com/kubernetes/enhancements/issues/1", "type": "KEP"}],
              "comms": {"audiences": [{"audience": "end-user", "rule": "kind-feature", "reason": "users see new flags"}],
                        "stability": {"level": "beta", "source": "text"}, "highlight": {"score": 1, "reason": "chosen", "manual": true}}},
      "102": {"pr_number": 102, "text": "The `v1beta1` API of FlowSchema is removed; use `v1`.", "author": "bob", "author_url": "https://github.com/bob",
              "pr_url": "https://github.com/example/project/pull/102", "kinds": ["deprecation"], "sigs": ["api-machinery"], "action_required": true,
              "comms": {"audiences": [{"audience": "vendor", "rule": "action-required", "reason": "vendors must migrate"}],
                        "stability": {"level": "removed", "source": "text"}}},
      "103": {"pr_number": 103, "text": "Fix a kubelet crash when a pod has no containers.", "author": "carol", "author_url": "https://github.com/carol",
              "pr_url": "https://github.com/example/project/pull/103", "kinds": ["bug"], "sigs": ["node"], "areas": ["kubelet"]},
      "104": {"pr_number": 104, "text": "Internal clean-up, not published.", "kinds": ["cleanup"], "sigs": ["node"], "do_not_publish": true}
    }
    """;

    public const string ReleaseYaml = """
    version: v2.1.0
    release_date: 2026-03-04
    codename: Lantern
    theme: Steadier upgrades
    highlights:
      - pr: 103
    embargo: 2026-03-04T16:00:00Z
    """;

    public const string Blog = """
    ---
    title: "Project 2.1: Lantern"
    date: 2026-03-04
    ---
    # Project 2.1

    Read the [release page](release-2.1.0.html) and the [guide](https://example.com/guide).
    """;

    /// <summary>Writes the release under <paramref name="root"/>/v2.1.0/.</summary>
    public static void Write(TempDir dir, string root = "release-notes")
    {
        dir.File($"{root}/v{Version}/notes.json", NotesJson);
        dir.File($"{root}/v{Version}/release.yaml", ReleaseYaml);
        dir.File($"{root}/v{Version}/blog-post.md", Blog);
        dir.File($"{root}/v{Version}/press-brief.md", "# Press brief\n\nProject 2.1 ships steadier upgrades.\n");
        dir.File($"{root}/v{Version}/brief-vendor.md", "# For vendors\n\nMigrate FlowSchema to `v1` before you ship 2.1.\n");
        dir.File($"{root}/v{Version}/CHANGELOG.md", "# Changelog\n\n## Changes by Kind\n\n- Fix a kubelet crash.\n");
    }
}
