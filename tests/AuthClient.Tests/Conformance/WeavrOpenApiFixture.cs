using YamlDotNet.RepresentationModel;

namespace AuthClient.Tests.Conformance;

/// <summary>
/// Weavr's Multi OpenAPI document, vendored in <c>Conformance/Spec/weavr-multi-openapi.yml</c> (~650 KB; its source and
/// version are in <c>Conformance/Spec/README.md</c>) and copied beside the test binaries, parsed once per test class,
/// with the few lookups the conformance tests need: operations, parameters, security and schemas, <c>$ref</c>s and
/// <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> resolved.
/// </summary>
public sealed class WeavrOpenApiFixture
{
    /// <summary>Where the document sits, both in this project's source folder and in its output folder.</summary>
    public const string RelativePath = "Conformance/Spec/weavr-multi-openapi.yml";

    public WeavrOpenApiFixture()
    {
        FilePath = Locate();
        using var reader = new StreamReader(FilePath);
        var stream = new YamlStream();
        stream.Load(reader);
        Root = (YamlMappingNode)stream.Documents[0].RootNode;
        Paths = Map(Root, "paths") ?? throw new InvalidOperationException("The OpenAPI document has no paths.");
    }

    public string FilePath { get; }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Paths { get; }

    /// <summary>Returns the operation at <paramref name="path"/> and <paramref name="method"/>, or <see langword="null"/>.</summary>
    public YamlMappingNode? Operation(string path, string method) =>
        Map(Paths, path) is { } item ? Map(item, method.ToLowerInvariant()) : null;

    /// <summary>Returns the path-level and operation-level parameters of an operation, resolved.</summary>
    public IReadOnlyList<YamlMappingNode> Parameters(string path, string method)
    {
        var result = new List<YamlMappingNode>();
        foreach (var owner in new[] { Map(Paths, path), Operation(path, method) })
        {
            if (owner is not null && Child(owner, "parameters") is YamlSequenceNode list)
            {
                result.AddRange(list.Children.Select(p => (YamlMappingNode)Resolve(p)));
            }
        }

        return result;
    }

    /// <summary>Returns the security requirements of an operation (its own, else the document's), as sets of scheme names.</summary>
    public IReadOnlyList<ISet<string>> Security(YamlMappingNode operation)
    {
        var security = Child(operation, "security") as YamlSequenceNode ?? Child(Root, "security") as YamlSequenceNode;
        return security is null
            ? []
            : [.. security.Children.Select(r => (ISet<string>)((YamlMappingNode)r).Children.Keys.Select(Scalar).ToHashSet(StringComparer.Ordinal))];
    }

    /// <summary>Returns the JSON schema of a request body or response (its <c>application/json</c> content), resolved.</summary>
    public YamlMappingNode? JsonSchema(YamlNode? bodyOrResponse)
    {
        if (bodyOrResponse is null || Resolve(bodyOrResponse) is not YamlMappingNode resolved)
        {
            return null;
        }

        return Map(Map(resolved, "content"), "application/json") is { } media && Child(media, "schema") is { } schema
            ? (YamlMappingNode)Resolve(schema)
            : null;
    }

    /// <summary>Returns the properties a schema allows, merging <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> branches; each value resolved.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Properties(YamlMappingNode schema)
    {
        var result = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        Collect((YamlMappingNode)Resolve(schema), result);
        return result;
    }

    /// <summary>Returns the properties a schema requires, across its <c>allOf</c> branches.</summary>
    public IReadOnlySet<string> Required(YamlMappingNode schema)
    {
        var resolved = (YamlMappingNode)Resolve(schema);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (Child(resolved, "required") is YamlSequenceNode required)
        {
            result.UnionWith(required.Children.Select(Scalar));
        }

        if (Child(resolved, "allOf") is YamlSequenceNode all)
        {
            foreach (var branch in all.Children)
            {
                result.UnionWith(Required((YamlMappingNode)branch));
            }
        }

        return result;
    }

    /// <summary>Follows <c>$ref</c> (a local JSON pointer such as <c>#/components/schemas/IdentityId</c>) until a node without one.</summary>
    public YamlNode Resolve(YamlNode node)
    {
        for (var hops = 0; node is YamlMappingNode map && Child(map, "$ref") is YamlScalarNode reference; hops++)
        {
            if (hops > 32)
            {
                throw new InvalidOperationException($"$ref cycle at {reference.Value}.");
            }

            node = Pointer(reference.Value!);
        }

        return node;
    }

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(YamlNode? node, string key) => Child(node, key) as YamlMappingNode;

    public static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    /// <summary>Returns the string values of a schema's <c>enum</c>, resolving <c>$ref</c>s.</summary>
    public IReadOnlyList<string> Enum(YamlNode schema) =>
        Child(Resolve(schema), "enum") is YamlSequenceNode values ? [.. values.Children.Select(Scalar)] : [];

    private void Collect(YamlMappingNode schema, Dictionary<string, YamlMappingNode> into)
    {
        if (Map(schema, "properties") is { } properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                into[Scalar(key)] = (YamlMappingNode)Resolve(value);
            }
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (Child(schema, combinator) is YamlSequenceNode branches)
            {
                foreach (var branch in branches.Children)
                {
                    Collect((YamlMappingNode)Resolve(branch), into);
                }
            }
        }
    }

    private YamlNode Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local $refs are expected in the Weavr document, found '{reference}'.");
        }

        YamlNode node = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = Child(node, token) ?? throw new InvalidOperationException($"Dangling $ref '{reference}' (no '{token}').");
        }

        return node;
    }

    private static string Locate()
    {
        // The test project copies the vendored document to its output folder: nothing outside the repository is read.
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The vendored OpenAPI document is not beside the test binaries: {path}.", path);
    }
}
