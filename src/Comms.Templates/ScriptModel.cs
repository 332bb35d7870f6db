using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Scriban.Runtime;

namespace Comms.Templates;

/// <summary>
/// Turns a model (dictionaries, records, lists, strings, numbers, flags) into Scriban's own objects, so a
/// template sees only the model's fields and never a .NET member (no <c>.Length</c>, no methods).
/// Dictionary keys and property names are kept as written.
/// </summary>
public static class ScriptModel
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

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

            default:
            {
                var result = new ScriptObject();
                foreach (var property in Properties.GetOrAdd(value.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray()))
                {
                    result.SetValue(property.Name, Convert(property.GetValue(value), depth + 1), readOnly: false);
                }

                return result;
            }
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

    private sealed class DeferredObject(int depth) : ScriptObject
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
