using Comms.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Comms.Core.Config;

/// <summary>Loads <c>comms.yaml</c>; every setting is optional and falls back to the Kubernetes default.</summary>
public static class ConfigLoader
{
    public const string DefaultPath = "content/comms.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The config at <paramref name="path"/>; without a path, <c>content/comms.yaml</c> if present, else the defaults.</summary>
    public static CommsConfig? Load(string? path, DiagnosticBag diagnostics)
    {
        if (path is null)
        {
            if (!File.Exists(DefaultPath))
            {
                return CommsConfig.Kubernetes;
            }

            path = DefaultPath;
        }

        if (!File.Exists(path))
        {
            diagnostics.Error(Codes.InputNotFound, "config file not found", path);
            return null;
        }

        return Parse(File.ReadAllText(path), path, diagnostics);
    }

    public static CommsConfig? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        ConfigFile? dto;
        try
        {
            dto = Deserializer.Deserialize<ConfigFile?>(text);
        }
        catch (YamlException e)
        {
            diagnostics.Error(Codes.ConfigInvalid, Yaml.YamlFile.Message(e), file, (int)e.Start.Line, (int)e.Start.Column);
            return null;
        }

        return dto is null ? CommsConfig.Kubernetes : dto.ToConfig(file);
    }
}
