using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Clerk.Generated.AspNetCore;

/// <summary>
/// A list of route templates matched against request paths by shape (literal segments, parameters, catch-alls).
/// Route constraints such as <c>{id:int}</c> are parsed but not evaluated: a guard that protects "too much" on a
/// malformed id is the safe direction.
/// </summary>
internal sealed class ClerkRouteSet
{
    private readonly TemplateMatcher[] _matchers;

    public ClerkRouteSet(IEnumerable<string> templates)
    {
        _matchers = templates.Select(Create).ToArray();
    }

    public bool IsEmpty => _matchers.Length == 0;

    public bool Matches(PathString path)
    {
        if (_matchers.Length == 0)
        {
            return false;
        }

        var values = new RouteValueDictionary();
        foreach (var matcher in _matchers)
        {
            values.Clear();
            if (matcher.TryMatch(path, values))
            {
                return true;
            }
        }

        return false;
    }

    private static TemplateMatcher Create(string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        try
        {
            var pattern = RoutePatternFactory.Parse(template);
            return new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary());
        }
        catch (RoutePatternException e)
        {
            throw new ArgumentException($"'{template}' is not a valid route template: {e.Message}", nameof(template), e);
        }
    }
}
