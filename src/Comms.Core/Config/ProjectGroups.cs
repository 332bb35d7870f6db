using Comms.Core.Diagnostics;
using Comms.Core.IO;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Config;

/// <summary>One group of a project: a special interest group, a working group or a committee.</summary>
/// <param name="Kind">sig, wg or committee.</param>
/// <param name="Name">Its name as the project writes it ("API Machinery", "etcd", "Device Management").</param>
/// <param name="Label">Its label key ("api-machinery").</param>
public sealed record ProjectGroup(string Kind, string Name, string Label)
{
    /// <summary>How the drafts name it: "SIG API Machinery", "WG Device Management", "the Security Response Committee".</summary>
    public string Display => Kind switch
    {
        "wg" => "WG " + Name,
        "committee" => Name + " Committee",
        _ => "SIG " + Name,
    };
}

/// <summary>
/// The project's list of groups, read from a file in the Kubernetes community's <c>sigs.yaml</c> format (<c>sigs</c>,
/// <c>workinggroups</c>, <c>committees</c>, each entry with <c>name</c>, <c>dir</c>, <c>label</c>) named by
/// <c>groups:</c> in comms.yaml, or the Kubernetes list built in. A key is looked up as a label (<c>node</c>), a
/// folder (<c>sig-node</c>, <c>wg-lts</c>, <c>committee-steering</c>) or a name; what the list does not hold is shown
/// as written and warned about, never made up.
/// </summary>
public sealed class ProjectGroups
{
    private readonly Dictionary<string, ProjectGroup> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public ProjectGroups(IEnumerable<(string Kind, string Dir, string Name, string Label)> groups)
    {
        foreach (var (kind, dir, name, label) in groups)
        {
            var group = new ProjectGroup(kind, name, label);
            foreach (var key in new[] { label, dir, name, name.Replace(' ', '-') }.Where(k => !string.IsNullOrWhiteSpace(k)))
            {
                _byKey.TryAdd(key.Trim(), group);
            }
        }
    }

    /// <summary>Every group, once, by label.</summary>
    public IReadOnlyList<ProjectGroup> All => _byKey.Values.Distinct().OrderBy(g => g.Label, StringComparer.Ordinal).ToArray();

    /// <summary>The group a label, folder or name stands for, or null.</summary>
    public ProjectGroup? Find(string key)
    {
        var k = key.Trim();
        if (_byKey.TryGetValue(k, out var group))
        {
            return group;
        }

        foreach (var prefix in new[] { "sig-", "wg-", "committee-" })
        {
            if (k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && _byKey.TryGetValue(k[prefix.Length..], out group))
            {
                return group;
            }
        }

        return null;
    }

    /// <summary>The Kubernetes community's groups (and the working groups that older proposals still name).</summary>
    public static readonly ProjectGroups Kubernetes = new(
        Sig("api-machinery", "API Machinery"), Sig("apps", "Apps"), Sig("architecture", "Architecture"), Sig("auth", "Auth"),
        Sig("autoscaling", "Autoscaling"), Sig("cli", "CLI"), Sig("cloud-provider", "Cloud Provider"), Sig("cluster-lifecycle", "Cluster Lifecycle"),
        Sig("contributor-experience", "Contributor Experience"), Sig("docs", "Docs"), Sig("etcd", "etcd"), Sig("instrumentation", "Instrumentation"),
        Sig("k8s-infra", "K8s Infra"), Sig("multicluster", "Multicluster"), Sig("network", "Network"), Sig("node", "Node"),
        Sig("release", "Release"), Sig("scalability", "Scalability"), Sig("scheduling", "Scheduling"), Sig("security", "Security"),
        Sig("storage", "Storage"), Sig("testing", "Testing"), Sig("ui", "UI"), Sig("windows", "Windows"),
        Wg("ai-gateway", "AI Gateway"), Wg("batch", "Batch"), Wg("checkpoint-restore", "Checkpoint Restore"), Wg("data-protection", "Data Protection"),
        Wg("device-management", "Device Management"), Wg("etcd-operator", "etcd Operator"), Wg("node-lifecycle", "Node Lifecycle"),
        Wg("workload-aware-scheduling", "Workload-aware Scheduling"),
        Wg("lts", "LTS"), Wg("structured-logging", "Structured Logging"), Wg("serving", "Serving"), Wg("policy", "Policy"),
        Wg("multitenancy", "Multitenancy"), Wg("iot-edge", "IoT Edge"), Wg("api-expression", "API Expression"), Wg("naming", "Naming"),
        Wg("reliability", "Reliability"), Wg("security-audit", "Security Audit"), Wg("apply", "Apply"), Wg("component-standard", "Component Standard"),
        Committee("code-of-conduct", "Code of Conduct"), Committee("security-response", "Security Response"), Committee("steering", "Steering"));

    private static (string, string, string, string) Sig(string label, string name) => ("sig", "sig-" + label, name, label);

    private static (string, string, string, string) Wg(string label, string name) => ("wg", "wg-" + label, name, label);

    private static (string, string, string, string) Committee(string label, string name) => ("committee", "committee-" + label, name, label);

    private ProjectGroups(params (string, string, string, string)[] groups)
        : this((IEnumerable<(string, string, string, string)>)groups)
    {
    }

    /// <summary>A list of groups in the sigs.yaml format, or null with located errors.</summary>
    public static ProjectGroups? Read(string path, DiagnosticBag diagnostics)
    {
        if (InputFile.ReadText(path, "the list of groups", InputLimits.Default.MaxTextFileBytes, diagnostics) is not { } text)
        {
            return null;
        }

        var bag = new DiagnosticBag();
        var documents = Yaml.YamlFile.Load(text, path, bag);
        foreach (var d in bag.Items)
        {
            diagnostics.Add(d);
        }

        if (documents is null || documents.Count == 0 || documents[0].RootNode is not YamlMappingNode root)
        {
            if (!bag.HasErrors)
            {
                diagnostics.Error(Codes.ConfigInvalid, "the list of groups must be a mapping with sigs, workinggroups and committees", path, 1, 1);
            }

            return null;
        }

        var groups = new List<(string, string, string, string)>();
        foreach (var (key, kind) in new[] { ("sigs", "sig"), ("workinggroups", "wg"), ("committees", "committee"), ("usergroups", "wg") })
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var list))
            {
                continue;
            }

            if (list is not YamlSequenceNode sequence)
            {
                diagnostics.Error(Codes.ConfigInvalid, $"{key} must be a list of groups", path, (int)list.Start.Line, (int)list.Start.Column);
                continue;
            }

            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode map || Scalar(map, "name") is not { Length: > 0 } name)
                {
                    diagnostics.Error(Codes.ConfigInvalid, $"each entry of {key} needs a name", path, (int)item.Start.Line, (int)item.Start.Column);
                    continue;
                }

                var dir = Scalar(map, "dir") ?? string.Empty;
                var label = Scalar(map, "label") ?? (dir.Contains('-', StringComparison.Ordinal) ? dir[(dir.IndexOf('-', StringComparison.Ordinal) + 1)..] : name.ToLowerInvariant().Replace(' ', '-'));
                groups.Add((kind, dir, IO.TextSafety.ForConsole(name).Normalize(System.Text.NormalizationForm.FormC), label));
            }
        }

        if (groups.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(Codes.ConfigInvalid, "the list of groups names no group (sigs, workinggroups, committees)", path, 1, 1);
        }

        return diagnostics.HasErrors ? null : new ProjectGroups(groups);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value.Trim() : null;
}
