using System.Collections;
using Scriban.Runtime;

namespace Comms.Templates;

/// <summary>
/// Turns a model (dictionaries, records, lists, strings, numbers, flags) into Scriban's own objects, so a
/// template sees only the model's fields and never a .NET member (no <c>.Length</c>, no methods).
/// Dictionary keys and field names are kept as written. No reflection: a typed model lists its own fields
/// (<see cref="IScriptFields"/>, or <see cref="ScriptFields"/> for a one-off object), so the trimmed native tool
/// converts exactly what the JIT-compiled one does.
/// </summary>
public static class ScriptModel
{
    public static ScriptObject From(object model) =>
        Convert(model, 0) as ScriptObject ?? throw new ArgumentException("a template model is an object with fields", nameof(model));

    [ThreadStatic]
    private static Dictionary<object, object?>? _shared;

    /// <summary>
    /// Until disposed, a dictionary or array met again (by reference) in a later model on this thread is converted
    /// once: the drafts of a release share most of one model (every note of it), as the site's pages share their notes'
    /// objects. The model's root is always new, so a template's own variables never reach the next template.
    /// </summary>
    public static IDisposable ShareConversions()
    {
        var outer = _shared;
        _shared = new Dictionary<object, object?>(ReferenceEqualityComparer.Instance);
        return new Scope(outer);
    }

    private sealed class Scope(Dictionary<object, object?>? outer) : IDisposable
    {
        public void Dispose() => _shared = outer;
    }

    private static object? Convert(object? value, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("the template model is nested more than 64 levels deep");
        }

        if (depth > 0 && _shared is { } shared && value is Dictionary<string, object?> or object?[])
        {
            if (!shared.TryGetValue(value, out var converted))
            {
                converted = ConvertValue(value, depth);
                shared[value] = converted;
            }

            return converted;
        }

        return ConvertValue(value, depth);
    }

    private static object? ConvertValue(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string or bool or int or long or double or decimal or SafeHtml or ScriptObject or ScriptArray:
                return value;
            case Enum e:
                return e.ToString();
            case DateOnly or DateTimeOffset or DateTime:
                return System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            case ScriptFields fields:
            {
                var result = new ScriptObject(fields.Count);
                foreach (var (name, item) in fields)
                {
                    result.SetValue(name, Convert(item, depth + 1), readOnly: false);
                }

                return result;
            }

            case Dictionary<string, object?> map:
            {
                // The drafts' and site's own models: no boxing of entries, no key conversion.
                var result = map.Values.Any(v => v is Deferred) ? new DeferredObject(depth + 1) : new ScriptObject(map.Count);
                foreach (var (key, item) in map)
                {
                    if (item is Deferred deferred)
                    {
                        ((DeferredObject)result).Pending[key] = deferred;
                    }
                    else
                    {
                        result.SetValue(key, Convert(item, depth + 1), readOnly: false);
                    }
                }

                return result;
            }

            case object?[] array:
            {
                var result = new ScriptArray(array.Length);
                foreach (var item in array)
                {
                    result.Add(Convert(item, depth + 1));
                }

                return result;
            }

            case IDictionary dictionary:
            {
                var result = new ScriptObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    result.SetValue(System.Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!, Convert(entry.Value, depth + 1), readOnly: false);
                }

                return result;
            }

            case IEnumerable list:
            {
                var result = new ScriptArray();
                foreach (var item in list)
                {
                    result.Add(Convert(item, depth + 1));
                }

                return result;
            }

            case IScriptFields typed:
            {
                var result = new ScriptObject();
                foreach (var (name, item) in typed.ScriptFields())
                {
                    result.SetValue(name, Convert(item, depth + 1), readOnly: false);
                }

                return result;
            }

            default:
                throw new NotSupportedException($"a template model value of type {value.GetType().Name} lists no fields (implement {nameof(IScriptFields)} or use {nameof(ScriptFields)})");
        }
    }

    /// <summary>
    /// A model value made only when a template reads it (a brief's full lists of notes, which the default briefs do not
    /// show): the model says what it holds without building and converting thousands of notes for nothing.
    /// </summary>
    public sealed class Deferred(Func<object?> make)
    {
        private object? _value;
        private bool _made;

        public object? Value
        {
            get
            {
                if (!_made)
                {
                    _value = make();
                    _made = true;
                }

                return _value;
            }
        }
    }

    // Not the parameterless base: it looks up this type's static members by reflection each time.
    private sealed class DeferredObject(int depth) : ScriptObject(0, autoImportStaticsFromThisType: false)
    {
        public Dictionary<string, Deferred> Pending { get; } = new(StringComparer.Ordinal);

        public override bool TryGetValue(Scriban.TemplateContext? context, Scriban.Parsing.SourceSpan span, string member, out object? value)
        {
            Make(member);
            return base.TryGetValue(context, span, member, out value);
        }

        public override bool Contains(string member)
        {
            Make(member);
            return base.Contains(member);
        }

        private void Make(string member)
        {
            if (Pending.Remove(member, out var deferred))
            {
                SetValue(member, Convert(deferred.Value, depth), readOnly: false);
            }
        }
    }
}

/// <summary>A typed model object that names the fields a template sees, in order (instead of reflection over its properties).</summary>
public interface IScriptFields
{
    IEnumerable<KeyValuePair<string, object?>> ScriptFields();
}

/// <summary>
/// A one-off model object, written like an anonymous object: <c>new ScriptFields { { "Title", title }, { "Count", n } }</c>.
/// Converted afresh each time (never shared between renders like the drafts' dictionaries).
/// </summary>
public sealed class ScriptFields : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public int Count => _fields.Count;

    public void Add(string name, object? value) => _fields.Add(new(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
