using System.Text.Json.Serialization;
using Comms.Core.IO;

namespace Comms.Core.Json;

/// <summary>
/// Source-generated JSON for Comms.Core's own small documents (the commit journal, JSON string literals), so the
/// native (AOT, trimmed) tool serializes them without reflection. The property names are the default (as declared).
/// </summary>
[JsonSerializable(typeof(OutputCommit.Journal))]
[JsonSerializable(typeof(string))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
