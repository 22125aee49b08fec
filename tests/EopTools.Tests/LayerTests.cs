using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// The folders of src/EopTools form layers: a file may use the types declared in its own folder and in the folders
    /// of the tiers below its own, never those of a higher tier or of another folder in its tier. Public types all live
    /// in the namespace EopTools, so a type's layer is the folder of the file that declares it, read from the source:
    /// comments and strings are dropped, the rest is cut into identifiers, and every identifier that names a top-level
    /// type of a forbidden folder is a use. The table is docs/architecture.md's.
    /// </summary>
    public sealed class LayerTests
    {
        /// <summary>From the bottom up. "" is the project's root folder (EopToolsException, Diagnostic).</summary>
        internal static readonly string[][] Tiers =
        {
            new[] { "" },
            new[] { "Ranges", "IO" },
            new[] { "Parsing" },
            new[] { "Sources" },
            new[] { "Index" },
            new[] { "AllowList", "Headers", "Logs" },
            new[] { "Diff" },
            new[] { "Update" },
            new[] { "Completers" },
            new[] { "Commands" },
        };

        [Fact]
        public void NoFolderUsesATypeOfAFolderAboveIt()
        {
            string root = Path.Combine(TestPaths.RepoRoot, "src", "EopTools");
            var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(root, f))
                .ToDictionary(f => RelativePath(root, f), File.ReadAllText);
            Assert.True(files.Count > 100, "found only " + files.Count + " source files under " + root);

            List<string> violations = Violations(files);

            Assert.True(violations.Count == 0, "Uses against the layers (docs/architecture.md):\n" + string.Join("\n", violations));
        }

        [Fact]
        public void AUseOfAHigherFolderIsReportedWithFileAndType()
        {
            var files = new Dictionary<string, string>
            {
                ["Ranges/IpPrefix.cs"] = "namespace EopTools.Ranges { internal sealed class IpPrefix { private RangeIndex? _index; } }",
                ["Index/RangeIndex.cs"] = "namespace EopTools.Index { internal sealed class RangeIndex { private IpPrefix? _prefix; } }",
            };

            Assert.Equal(new[] { "Ranges/IpPrefix.cs uses RangeIndex of Index/ (tier 4 over its tier 1)" }, Violations(files));
        }

        [Fact]
        public void AUseOfAnotherFolderOfTheSameTierIsReported()
        {
            var files = new Dictionary<string, string>
            {
                ["Logs/LogSearch.cs"] = "namespace EopTools.Logs { internal static class LogSearch { static object O => new HeaderBlock(); } }",
                ["Headers/HeaderBlock.cs"] = "namespace EopTools.Headers { internal sealed class HeaderBlock { } }",
            };

            Assert.Equal(new[] { "Logs/LogSearch.cs uses HeaderBlock of Headers/ (tier 5 over its tier 5)" }, Violations(files));
        }

        [Fact]
        public void CommentsStringsAndNestedTypesAreNotUses()
        {
            var files = new Dictionary<string, string>
            {
                ["Ranges/IpText.cs"] = "namespace EopTools.Ranges {\n" +
                    "    /// <summary>Unlike RangeIndex, ...</summary>\n" +
                    "    internal static class IpText {\n" +
                    "        /* RangeIndex */ const string A = \"RangeIndex\", B = @\"a \"\"RangeIndex\"\"\", C = $\"{1} RangeIndex\"; const char D = '\"';\n" +
                    "        private sealed class Entry { }\n" +
                    "    }\n" +
                    "}",
                ["Index/RangeIndex.cs"] = "namespace EopTools.Index { internal sealed class RangeIndex { private sealed class Token { } } }",
                ["Headers/ReceivedParser.cs"] = "namespace EopTools.Headers { internal static class ReceivedParser { static object O => new CancellationTokenSource().Token; } }",
            };

            Assert.Empty(Violations(files));
        }

        [Fact]
        public void AMemberNamedLikeAHigherTypeIsNotAUseButAQualifiedNameIs()
        {
            var files = new Dictionary<string, string>
            {
                ["Sources/CacheStore.cs"] = "namespace EopTools.Sources { internal sealed class CacheStore {\n" +
                    "    public List<Diagnostic> Warnings { get; }\n" +
                    "    public CacheStore(List<Diagnostic> warnings) { Warnings = warnings; }\n" +
                    "    private int Count(Result result, Diagnostic[] Warnings) => result.Warnings.Count;\n" +
                    "    private object Diff => Diff.EndpointSetDiff.AnyChanged;\n" +
                    "    private object Index => EopTools.Index.RangeIndex.Empty;\n" +
                    "} }",
                ["Commands/Warnings.cs"] = "namespace EopTools.Commands { internal static class Warnings { } }",
                ["Diff/EndpointSetDiff.cs"] = "namespace EopTools.Diff { internal static class EndpointSetDiff { } }",
                ["Index/RangeIndex.cs"] = "namespace EopTools.Index { internal sealed class RangeIndex { } }",
            };

            Assert.Equal(
                new[] { "Sources/CacheStore.cs uses EndpointSetDiff of Diff/ (tier 6 over its tier 3)", "Sources/CacheStore.cs uses RangeIndex of Index/ (tier 4 over its tier 3)" },
                Violations(files));
        }

        [Fact]
        public void EveryFolderHasATier()
        {
            string root = Path.Combine(TestPaths.RepoRoot, "src", "EopTools");
            var tiered = new HashSet<string>(Tiers.SelectMany(t => t));
            var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f != "bin" && f != "obj" && f != "Data");

            Assert.Equal(new string[0], folders.Where(f => !tiered.Contains(f!)).ToArray());
        }

        /// <summary>"file uses Type of Folder/ (tier n over its tier m)" for each use of a type its tier may not use, sorted.</summary>
        internal static List<string> Violations(IReadOnlyDictionary<string, string> files)
        {
            var tokens = files.ToDictionary(f => f.Key, f => SourceTokens.Of(f.Value));
            var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var file in tokens)
            {
                foreach (string type in SourceTokens.TopLevelTypes(file.Value))
                {
                    if (!declaredIn.TryGetValue(type, out var folders)) declaredIn[type] = folders = new HashSet<string>();
                    folders.Add(FolderOf(file.Key));
                }
            }
            var violations = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in tokens)
            {
                string folder = FolderOf(file.Key);
                int tier = TierOf(folder, file.Key);
                foreach (string name in NamesUsedAsTypes(file.Value).Distinct())
                {
                    if (!declaredIn.TryGetValue(name, out var owners) || owners.Contains(folder)) continue;
                    if (owners.Any(owner => TierOf(owner, file.Key) < tier)) continue;
                    string owner = owners.OrderBy(o => o, StringComparer.Ordinal).First();
                    violations.Add(file.Key + " uses " + name + " of " + owner + "/ (tier " + TierOf(owner, file.Key) + " over its tier " + tier + ")");
                }
            }
            return violations.ToList();
        }

        /// <summary>
        /// The identifiers that can name a type: not a member reached through an object (result.Warnings), and not a
        /// member or variable being declared or assigned (List&lt;Diagnostic&gt; Warnings { get; }, Warnings = warnings). A name qualified by a namespace
        /// (EopTools.Index.RangeIndex, Diff.EndpointSetDiff) is a type's.
        /// </summary>
        private static IEnumerable<string> NamesUsedAsTypes(List<SourceTokens.Token> tokens)
        {
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!tokens[i].IsIdentifier) continue;
                string before = i > 0 ? tokens[i - 1].Text : "", after = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
                if (before == "." && !(i > 1 && Namespaces.Contains(tokens[i - 2].Text))) continue;
                if (after == "=") continue; // assigned to: a member or variable
                bool declared = after == "{" || after == ";" || after == ")" || after == ",";
                if (declared && (before == ">" || before == "]" || before == "?" || (i > 0 && tokens[i - 1].IsIdentifier && !Keywords.Contains(before)))) continue;
                yield return tokens[i].Text;
            }
        }

        private static readonly HashSet<string> Namespaces = new HashSet<string>(Tiers.SelectMany(t => t).Where(f => f.Length > 0).Append("EopTools"));

        private static readonly HashSet<string> Keywords = new HashSet<string> { "is", "as", "new", "return", "in", "out", "ref", "case", "throw", "typeof", "nameof", "default", "using" };

        private static string FolderOf(string relativePath)
        {
            int slash = relativePath.IndexOf('/');
            return slash < 0 ? "" : relativePath.Substring(0, slash);
        }

        private static int TierOf(string folder, string file)
        {
            int tier = Array.FindIndex(Tiers, t => t.Contains(folder));
            return tier >= 0 ? tier : throw new InvalidOperationException("The folder '" + folder + "' of " + file + " has no tier: add it to LayerTests.Tiers and docs/architecture.md.");
        }

        private static bool IsBuildOutput(string root, string file)
        {
            string first = RelativePath(root, file).Split('/')[0];
            return first == "bin" || first == "obj";
        }

        private static string RelativePath(string root, string file) => file.Substring(root.Length + 1).Replace('\\', '/');
    }

    /// <summary>C# source cut into identifiers and the punctuation that shapes declarations, without comments and literals.</summary>
    internal static class SourceTokens
    {
        internal readonly struct Token
        {
            public Token(string text, bool isIdentifier)
            {
                Text = text;
                IsIdentifier = isIdentifier;
            }

            public string Text { get; }

            public bool IsIdentifier { get; }

            public override string ToString() => Text;
        }

        public static List<Token> Of(string source)
        {
            var tokens = new List<Token>();
            int i = 0;
            Scan(source, ref i, tokens, endAtBrace: false);
            return tokens;
        }

        /// <summary>The names declared by class, struct, interface, enum, record and delegate outside any type's body.</summary>
        public static List<string> TopLevelTypes(List<Token> tokens)
        {
            var names = new List<string>();
            var bodies = new Stack<bool>(); // true for a type's body
            bool typeHeader = false;
            for (int i = 0; i < tokens.Count; i++)
            {
                string text = tokens[i].Text;
                string? name = DeclaredName(tokens, i);
                if (name != null)
                {
                    if (!bodies.Contains(true)) names.Add(name);
                    typeHeader = text != "delegate";
                }
                else if (text == "{")
                {
                    bodies.Push(typeHeader);
                    typeHeader = false;
                }
                else if (text == "}" && bodies.Count > 0) bodies.Pop();
                else if (text == ";") typeHeader = false;
            }
            return names;
        }

        private static string? DeclaredName(List<Token> tokens, int i)
        {
            string text = tokens[i].Text;
            Token? next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;
            if (next == null || !next.Value.IsIdentifier || next.Value.Text == "where" || next.Value.Text == "new") return null;
            switch (text)
            {
                case "class":
                case "struct":
                case "interface":
                case "enum":
                    return next.Value.Text;
                case "record":
                    // "record" is a keyword only before a declaration; elsewhere it is a name like any other.
                    if (next.Value.Text == "class" || next.Value.Text == "struct") return DeclaredName(tokens, i + 1);
                    string after = i + 2 < tokens.Count ? tokens[i + 2].Text : "";
                    return after == "(" || after == "{" || after == "<" || after == ":" || after == ";" ? next.Value.Text : null;
                case "delegate":
                    int j = i + 1;
                    while (j + 1 < tokens.Count && tokens[j + 1].Text != "(" && tokens[j + 1].Text != "<") j++;
                    return tokens[j].IsIdentifier ? tokens[j].Text : null;
                default:
                    return null;
            }
        }

        /// <summary>Code from i; with endAtBrace, up to the brace that closes an interpolation hole.</summary>
        private static void Scan(string s, ref int i, List<Token> tokens, bool endAtBrace)
        {
            int depth = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == '/' && At(s, i + 1, '/')) i = SkipPast(s, i, "\n");
                else if (c == '/' && At(s, i + 1, '*')) i = SkipPast(s, i + 2, "*/");
                else if (c == '\'') i = SkipQuoted(s, i + 1, '\'');
                else if (c == '"' && At(s, i + 1, '"') && At(s, i + 2, '"')) i = SkipRaw(s, i);
                else if (c == '"') i = SkipQuoted(s, i + 1, '"');
                else if (c == '@' && At(s, i + 1, '"')) i = SkipVerbatim(s, i + 2);
                else if (c == '$' && (At(s, i + 1, '"') || (At(s, i + 1, '@') && At(s, i + 2, '"')))) ScanInterpolated(s, ref i, tokens);
                else if (c == '@' && At(s, i + 1, '$') && At(s, i + 2, '"')) ScanInterpolated(s, ref i, tokens);
                else if (char.IsLetter(c) || c == '_' || (c == '@' && i + 1 < s.Length && char.IsLetter(s[i + 1])))
                {
                    int start = c == '@' ? i + 1 : i;
                    i = start;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++;
                    tokens.Add(new Token(s.Substring(start, i - start), true));
                }
                else if (char.IsDigit(c))
                {
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '.')) i++;
                }
                else
                {
                    if (c == '{') depth++;
                    if (c == '}' && depth-- == 0 && endAtBrace) return;
                    if (!char.IsWhiteSpace(c)) tokens.Add(new Token(c.ToString(), false));
                    i++;
                }
            }
        }

        /// <summary>$"..." and $@"...": the text is dropped, the holes are code.</summary>
        private static void ScanInterpolated(string s, ref int i, List<Token> tokens)
        {
            bool verbatim = s[i] == '@' || s[i + 1] == '@';
            i = s.IndexOf('"', i) + 1;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == '{' && At(s, i + 1, '{')) i += 2;
                else if (c == '{')
                {
                    i++;
                    Scan(s, ref i, tokens, endAtBrace: true);
                    i++;
                }
                else if (c == '\\' && !verbatim) i += 2;
                else if (c == '"' && verbatim && At(s, i + 1, '"')) i += 2;
                else if (c == '"')
                {
                    i++;
                    return;
                }
                else i++;
            }
        }

        private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

        private static int SkipPast(string s, int i, string end)
        {
            int found = s.IndexOf(end, i, StringComparison.Ordinal);
            return found < 0 ? s.Length : found + end.Length;
        }

        private static int SkipQuoted(string s, int i, char quote)
        {
            while (i < s.Length && s[i] != quote && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
            return i + 1;
        }

        private static int SkipVerbatim(string s, int i)
        {
            while (i < s.Length)
            {
                if (s[i] == '"' && !At(s, i + 1, '"')) return i + 1;
                i += s[i] == '"' ? 2 : 1;
            }
            return i;
        }

        private static int SkipRaw(string s, int i)
        {
            int quotes = 0;
            while (At(s, i + quotes, '"')) quotes++;
            return SkipPast(s, i + quotes, new string('"', quotes));
        }
    }
}
