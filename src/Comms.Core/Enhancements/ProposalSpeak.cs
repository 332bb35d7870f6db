using System.Text.RegularExpressions;

namespace Comms.Core.Enhancements;

/// <summary>
/// A proposal's summary rewritten for the people who use the feature, not the people who approve the proposal:
/// "This KEP proposes adding X" reads "This enhancement adds X", "In this KEP, we propose a Y" reads "This enhancement
/// brings a Y", "We propose removing Z" reads "This enhancement removes Z"; sentences about the proposal itself
/// ("This document is intended to…", "Below we will discuss…", anything still naming the KEP or the proposal) are
/// left out; footnote marks (<c>[^1]</c>) and bracketed link text without its link lose their marks. Null when
/// nothing is left that a reader would keep.
/// </summary>
public static partial class ProposalSpeak
{
    private const string Subject = "This enhancement";

    // The proposal as the subject: "This KEP", "This proposal", "The Kubernetes Enhancement Proposal (KEP)", "This enhancement proposal".
    [GeneratedRegex(@"^(?:(?:In|With) this (?:KEP|proposal|document),\s*)?(?:this|the|our)\s+(?:Kubernetes\s+)?(?:enhancement\s+proposal(?:\s*\(KEP\))?|KEP|proposal|document|design)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProposalSubject();

    [GeneratedRegex(@"^(?:To (?:address|solve|fix|overcome|mitigate|remedy) (?:this|these|that|those)(?: \w+){0,3},|Therefore,|Hence,|Thus,|So,|Instead,)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^(?:In|With|For) this (?:KEP|proposal|document),?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InThisKep();

    [GeneratedRegex(@"^we\s+(?:propose|suggest|introduce|add)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WePropose();

    // "We will (also) introduce", "We intend to add", "We plan to make", "We would like to allow": what the enhancement does.
    [GeneratedRegex(@"^we\s+(?:will|shall|(?:intend|plan|want|aim|propose|need|would like|'d like|are going|seek|hope) to)\s+(also\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeWill();

    [GeneratedRegex(@"\bwe (have|are|were|had)\b|\bwe've\b|\bwe're\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeHave();

    // What the proposal "does": "proposes to add", "aims to allow", "aims at allowing", "is intended to propose", "proposes".
    [GeneratedRegex(@"^(?:proposes|suggests|aims|seeks|intends|wants|tries|plans|is (?:intended|meant|designed))\s+(?:to|at)\s+(?:propose\s+)?|^(?:proposes|suggests|presents|outlines|describes|covers|discusses)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Proposes();

    [GeneratedRegex(@"\[\^[^\]]*\]|(?<=\w)\^\d+\b")]
    private static partial Regex Footnote();

    [GeneratedRegex(@"\[([^\]\[]+)\](?!\()")]
    private static partial Regex BareBrackets();

    // Sentences that speak of the proposal, its authors or its process.
    [GeneratedRegex(@"\b(?:KEPs?|proposals?|propos(?:e|es|ed|ing)|this document|we|we'(?:ll|d|re|ve)|our|us|TODO|TBD)\b|\bthe goal of this\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Meta();


    private static readonly Dictionary<string, string> Gerunds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["adding"] = "adds", ["allowing"] = "allows", ["changing"] = "changes", ["creating"] = "creates", ["decoupling"] = "decouples",
        ["defining"] = "defines", ["deprecating"] = "deprecates", ["enabling"] = "enables", ["enhancing"] = "enhances", ["exposing"] = "exposes",
        ["extending"] = "extends", ["graduating"] = "graduates", ["implementing"] = "implements", ["improving"] = "improves",
        ["introducing"] = "introduces", ["letting"] = "lets", ["making"] = "makes", ["moving"] = "moves", ["promoting"] = "promotes",
        ["providing"] = "provides", ["relaxing"] = "relaxes", ["removing"] = "removes", ["replacing"] = "replaces", ["separating"] = "separates",
        ["setting"] = "sets", ["splitting"] = "splits", ["supporting"] = "supports", ["updating"] = "updates", ["using"] = "uses",
        ["validating"] = "validates", ["building"] = "builds", ["giving"] = "gives", ["offering"] = "offers", ["reducing"] = "reduces",
        ["simplifying"] = "simplifies", ["unifying"] = "unifies", ["exporting"] = "exports", ["tracking"] = "tracks", ["reporting"] = "reports",
    };

    public static string? Rewrite(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var paragraphs = new List<string>();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var cleaned = Footnote().Replace(paragraph, string.Empty);
            cleaned = BareBrackets().Replace(cleaned, "$1");
            var kept = KepSummary.SplitSentences(cleaned.Trim())
                .Select(Sentence)
                .OfType<string>()
                .ToArray();
            if (kept.Length > 0)
            {
                paragraphs.Add(string.Join(' ', kept));
            }
        }

        return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
    }

    [GeneratedRegex(@"^(?:Currently|Today|At the moment|At present|Historically|Previously|In the past|As of|Until now|There (?:is|are|was|were)|Users (?:are|have)|Many|Some|When|While|Although|Since|Kubernetes (?:currently|today|has|does))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Background();

    [GeneratedRegex(@"^This enhancement\b|\b(?:allows?|lets?|enables?|adds?|introduces?|provides?|makes?|supports?|gives?|brings?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Doing();

    /// <summary>
    /// The sentence of a summary that says what the feature does (not the background before it): one that starts
    /// "This enhancement …" or says what it allows, adds or brings, else the first that is not background; taken from
    /// later in the summary, its "these"/"those" read "the".
    /// </summary>
    public static string? WhatItDoes(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return null;
        }

        var sentences = KepSummary.SplitSentences(summary.Replace("\n\n", " ", StringComparison.Ordinal).Trim()).Where(x => x.Length > 0).Take(8).ToArray();
        var best = sentences
            .Select((text, i) => (Text: text, Index: i, Score: (text.StartsWith(Subject, StringComparison.Ordinal) ? 3 : 0) + (Doing().IsMatch(text) ? 1 : 0) + (i == 0 ? 1 : 0) -
                (Background().IsMatch(text) ? 3 : 0) - (text.StartsWith("Such ", StringComparison.Ordinal) || text.StartsWith("These ", StringComparison.Ordinal) ? 1 : 0)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index).FirstOrDefault();
        // Lifted out of its paragraph, "these new resources" points back at a sentence the reader does not have.
        return best.Index == 0 ? best.Text : Regex.Replace(best.Text, @"(?<=\S\s)\b(?:these|those)\b(?=\s\w)", "the", RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"^(?:Currently|Today|At the moment|At present|As of today|As of now|Until now|Right now|Nowadays)\b")]
    private static partial Regex Stale();

    [GeneratedRegex(@"^This enhancement (?:is to|aims to|aims at|will|would|is designed to|is meant to) (\w+)\b")]
    private static partial Regex SubjectWill();

    [GeneratedRegex(@"^This enhancement brings that (\w[\w-]*(?: \w[\w-]*){0,3}) should (\w+)\b")]
    private static partial Regex SubjectShould();

    [GeneratedRegex(@"^This enhancement (?:brings|is about|proposes|provides) (?:a|the) (?:solution|fix|way|approach|mitigation)s? (?:for|to) (?:\w+ )?(?:this|these|those|the|that) (?:issues?|problems?|concerns?|limitations?)\b")]
    private static partial Regex PointsBack();

    [GeneratedRegex(@"\b(is|are) (?:modified|changed|updated|extended|enhanced|improved) to (\w+)\b")]
    private static partial Regex IsModifiedTo();

    /// <summary>
    /// A summary as a launch post tells it: the proposal's "This enhancement …" opens with <paramref name="subject"/>
    /// ("Kubernetes v1.34 enhances …") and is "It" after that; "will add", "is to enhance", "aims to allow" say what
    /// happened ("adds", "enhances", "allows"); "X is modified to support" reads "X now supports"; "brings that X
    /// should allow" reads "X can now allow"; a sentence that only points back at a problem the reader has not read
    /// ("brings a solution to this issue") is left out, so are sentences stale once it ships ("Currently …") and
    /// background before what it does. Empty when nothing is left.
    /// </summary>
    public static string Told(string text, string subject)
    {
        var sentences = KepSummary.SplitSentences(text.Trim()).Where(x => x.Length > 0).ToArray();
        var told = new List<string>();
        var named = false;
        foreach (var sentence in sentences)
        {
            var s = sentence;
            if (PointsBack().IsMatch(s))
            {
                continue;
            }

            if (SubjectShould().Match(s) is { Success: true } should)
            {
                s = Capital(should.Groups[1].Value) + " can now " + should.Groups[2].Value + s[should.Length..];
            }
            else if (SubjectWill().Match(s) is { Success: true } will)
            {
                s = Subject + " " + ThirdPerson(will.Groups[1].Value) + s[will.Length..];
            }

            s = IsModifiedTo().Replace(s, m => "now " + (m.Groups[1].Value == "is" ? ThirdPerson(m.Groups[2].Value) : m.Groups[2].Value));
            if (s.StartsWith(Subject + " ", StringComparison.Ordinal))
            {
                s = (named ? "It" : subject) + s[Subject.Length..];
                named = true;
            }

            // Stale once the feature ships ("Currently …"), and background never opens the paragraph.
            if (Stale().IsMatch(s) || told.Count == 0 && Background().IsMatch(s))
            {
                continue;
            }

            told.Add(s);
        }

        return string.Join(' ', told);
    }

    /// <summary>Whether a text still speaks as a proposal does (what a test and a reviewer look for).</summary>
    public static bool Speaks(string text) => Footnote().IsMatch(text) || KepSummary.SplitSentences(text).Any(s => Meta().IsMatch(s) && !s.Contains("](", StringComparison.Ordinal));

    /// <summary>One sentence for a reader, or null when it only speaks of the proposal.</summary>
    private static string? Sentence(string sentence)
    {
        var s = sentence.Trim();
        if (s.Length == 0)
        {
            return null;
        }

        // "To address this, this KEP proposes …": the lead-in points back at background the reader may not have.
        if (LeadIn().Match(s) is { Success: true } leadIn && ProposalSubject().IsMatch(s[leadIn.Length..]))
        {
            s = Capital(s[leadIn.Length..]);
        }

        if (WeWill().Match(s) is { Success: true } will)
        {
            var rest = s[will.Length..];
            var verbEnd = rest.IndexOf(' ', StringComparison.Ordinal);
            var verb = verbEnd < 0 ? rest : rest[..verbEnd];
            s = (will.Groups[1].Success ? "It also " : Subject + " ") + ThirdPerson(verb) + (verbEnd < 0 ? string.Empty : rest[verbEnd..]);
        }
        else if (WePropose().Match(s) is { Success: true } we)
        {
            s = Subject + " " + Action(s[we.Length..]);
        }
        else if (ProposalSubject().Match(s) is { Success: true } subject)
        {
            var rest = s[subject.Length..];
            if (WePropose().Match(rest) is { Success: true } we2)
            {
                rest = rest[we2.Length..];
                s = Subject + " " + Action(rest);
            }
            else if (Proposes().Match(rest) is { Success: true } verb)
            {
                // "is intended to propose a process", "describes the design": about the document, not the feature.
                if (Regex.IsMatch(verb.Value, @"\bpropose\s*$|^(?:describes|outlines|discusses|presents)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) &&
                    !verb.Value.StartsWith("proposes", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                // "proposes to add X": the verb that follows "to" is a plain one.
                var after = rest[verb.Length..];
                s = Subject + " " + Action(verb.Value.TrimEnd().EndsWith(" to", StringComparison.OrdinalIgnoreCase) ? "to " + after : after);
            }
            else
            {
                s = Subject + " " + rest;
            }
        }
        else if (InThisKep().Match(s) is { Success: true } lead)
        {
            var rest = s[lead.Length..];
            s = WePropose().Match(rest) is { Success: true } we3 ? Subject + " " + Action(rest[we3.Length..]) : Capital(rest);
        }

        // The authors' "we have enabled …" is what the project has done.
        s = WeHave().Replace(s, m => (m.Index == 0 ? "The project " : "the project ") + (m.Value.EndsWith("ve", StringComparison.OrdinalIgnoreCase) || m.Groups[1].Value is "have" or "had" ? (m.Groups[1].Value == "had" ? "had" : "has") : m.Groups[1].Value is "were" ? "was" : "is"));
        s = Regex.Replace(s, @"\b(?:this|the) (?:KEP|proposal)\b", "this enhancement", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (Meta().IsMatch(s) || !(s.EndsWith('.') || s.EndsWith('!') || s.EndsWith('?') || s.EndsWith(".)", StringComparison.Ordinal) || s.EndsWith('"')))
        {
            return null;
        }

        return s;
    }

    /// <summary>"adding X" as "adds X", "to add X" as "adds X", "a new X" as "brings a new X"; else "is about …".</summary>
    private static string Action(string rest)
    {
        rest = rest.TrimStart();
        if (rest.StartsWith("to ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[3..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var verb = space < 0 ? rest : rest[..space];
            return ThirdPerson(verb) + (space < 0 ? string.Empty : rest[space..]);
        }

        var first = rest.Split(' ', 2);
        if (Gerunds.TryGetValue(first[0], out var present))
        {
            return present + (first.Length > 1 ? " " + first[1] : string.Empty);
        }

        if (first[0].EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return "is about " + rest;
        }

        return "brings " + rest;
    }

    private static string ThirdPerson(string verb) => verb.ToLowerInvariant() switch
    {
        "be" => "is",
        "have" => "has",
        "do" => "does",
        "go" => "goes",
        var v when v.EndsWith('y') && v.Length > 1 && !"aeiou".Contains(v[^2], StringComparison.Ordinal) => verb[..^1] + "ies",
        var v when v.EndsWith('s') || v.EndsWith('x') || v.EndsWith('z') || v.EndsWith("sh", StringComparison.Ordinal) || v.EndsWith("ch", StringComparison.Ordinal) => verb + "es",
        _ => verb + "s",
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
