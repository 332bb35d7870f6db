namespace Comms.Core.Model;

/// <summary>A documentation link of a note: <c>type</c> is KEP, official or external.</summary>
public sealed record Documentation(string Description, string Url, string Type);
