using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Clerk.Generated.Middleware;

/// <summary>
/// A list of route templates matched against request paths: literal segments, parameters, catch-alls and, when the
/// set is built with a constraint resolver, inline constraints (<c>{id:int}</c>) evaluated exactly as routing
/// evaluates them. Without a resolver, constraints are not evaluated, so a template matches at least every path its
/// routing counterpart matches: right for what is protected (protecting too much is the safe direction), never for
/// what is excluded.
/// </summary>
internal sealed class ClerkRouteSet
{
    private readonly Route[] _routes;

    /// <param name="templates">The route templates.</param>
    /// <param name="constraints">Resolves inline constraints so they are evaluated; null matches by shape only.</param>
    /// <exception cref="ArgumentException">A template is malformed, or names a constraint the resolver does not know.</exception>
    public ClerkRouteSet(IEnumerable<string> templates, IInlineConstraintResolver? constraints)
    {
        _routes = templates.Select(t => Create(t, constraints)).ToArray();
    }

    public bool IsEmpty => _routes.Length == 0;

    public bool Matches(HttpContext context)
    {
        if (_routes.Length == 0)
        {
            return false;
        }

        var values = new RouteValueDictionary();
        foreach (var route in _routes)
        {
            values.Clear();
            if (route.Matcher.TryMatch(context.Request.Path, values) && route.ConstraintsHold(context, values))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any template carries an inline constraint (which only a resolver can evaluate).</summary>
    public static bool HasConstraints(string template) =>
        Parse(template).Parameters.Any(p => p.ParameterPolicies.Count > 0);

    private static Route Create(string template, IInlineConstraintResolver? resolver)
    {
        var pattern = Parse(template);
        var constraints = new List<(string Name, bool Optional, IRouteConstraint Constraint)>();
        if (resolver is not null)
        {
            foreach (var parameter in pattern.Parameters)
            {
                foreach (var policy in parameter.ParameterPolicies)
                {
                    var constraint = policy.Content is { } content ? resolver.ResolveConstraint(content) : policy.ParameterPolicy as IRouteConstraint;
                    if (constraint is null)
                    {
                        throw new ArgumentException(
                            $"'{template}': the constraint '{policy.Content}' of parameter '{parameter.Name}' is not a route constraint this application knows, so the template cannot be evaluated exactly.",
                            nameof(template));
                    }

                    constraints.Add((parameter.Name, parameter.IsOptional, constraint));
                }
            }
        }

        return new Route(new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary()), constraints.ToArray());
    }

    private static RoutePattern Parse(string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        try
        {
            return RoutePatternFactory.Parse(template);
        }
        catch (RoutePatternException e)
        {
            throw new ArgumentException($"'{template}' is not a valid route template: {e.Message}", nameof(template), e);
        }
    }

    private sealed record Route(TemplateMatcher Matcher, (string Name, bool Optional, IRouteConstraint Constraint)[] Constraints)
    {
        public bool ConstraintsHold(HttpContext context, RouteValueDictionary values)
        {
            foreach (var (name, optional, constraint) in Constraints)
            {
                // As routing does: an optional parameter that is absent is not checked.
                if (optional && !values.ContainsKey(name))
                {
                    continue;
                }

                if (!constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
