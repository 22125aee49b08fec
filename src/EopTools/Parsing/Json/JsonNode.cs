using System;
using System.Collections.Generic;

namespace EopTools.Parsing.Json
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A parsed JSON value with the line it starts on, so a problem in it can be reported where it is.</summary>
    internal sealed class JsonNode
    {
        private static readonly IReadOnlyList<JsonNode> NoItems = Array.Empty<JsonNode>();

        private readonly Dictionary<string, JsonNode>? _members;
        private readonly List<JsonNode>? _items;

        private JsonNode(JsonKind kind, int line, string? text, Dictionary<string, JsonNode>? members, List<JsonNode>? items)
        {
            Kind = kind;
            Line = line;
            Text = text;
            _members = members;
            _items = items;
        }

        public JsonKind Kind { get; }

        public int Line { get; }

        /// <summary>The string's value, or the number as written.</summary>
        public string? Text { get; }

        public IReadOnlyList<JsonNode> Items => _items ?? NoItems;

        public static JsonNode CreateObject(int line, Dictionary<string, JsonNode> members) => new JsonNode(JsonKind.Object, line, null, members, null);

        public static JsonNode CreateArray(int line, List<JsonNode> items) => new JsonNode(JsonKind.Array, line, null, null, items);

        public static JsonNode CreateScalar(JsonKind kind, int line, string? text) => new JsonNode(kind, line, text, null, null);

        /// <summary>A member of an object by name, ignoring case (the service's own docs vary the casing); null if absent.</summary>
        public JsonNode? Member(string name) => _members != null && _members.TryGetValue(name, out JsonNode? value) ? value : null;

        public string Describe() => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Null => "null",
            _ => "a boolean",
        };
    }
}
