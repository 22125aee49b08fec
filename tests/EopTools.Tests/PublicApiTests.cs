using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// The module's public surface, read by reflection, is the one approved in PublicApi.approved.txt: a type or member
    /// added, removed or changed (a cmdlet's parameter attributes included) is a visible diff in review.
    /// docs/development.md says how to approve a change.
    /// </summary>
    public sealed class PublicApiTests
    {
        private static string ApprovedPath => Path.Combine(TestPaths.RepoRoot, "tests", "EopTools.Tests", "PublicApi.approved.txt");

        private static string ReceivedPath => Path.Combine(TestPaths.RepoRoot, "tests", "EopTools.Tests", "PublicApi.received.txt");

        [Fact]
        public void ThePublicSurfaceIsTheApprovedOne()
        {
            List<string> received = PublicApi.Lines(typeof(EopIpRange).Assembly);
            List<string> approved = File.Exists(ApprovedPath) ? File.ReadAllLines(ApprovedPath).ToList() : new List<string>();
            if (received.SequenceEqual(approved, StringComparer.Ordinal))
            {
                if (File.Exists(ReceivedPath)) File.Delete(ReceivedPath);
                return;
            }
            File.WriteAllLines(ReceivedPath, received);
            Assert.Fail("The public surface of EopTools.dll differs from tests/EopTools.Tests/PublicApi.approved.txt (- approved, + now):\n" +
                string.Join("\n", PublicApi.Diff(approved, received)) + "\n\n" +
                "If the change is meant (an admin will see it: add a CHANGELOG line), approve it:\n" +
                "  mv tests/EopTools.Tests/PublicApi.received.txt tests/EopTools.Tests/PublicApi.approved.txt\n" +
                "else make the new type or member internal.");
        }

        [Fact]
        public void TheSurfaceNamesTypesMembersAndCmdletAttributes()
        {
            List<string> lines = PublicApi.Lines(typeof(EopIpRange).Assembly);

            Assert.Contains("public sealed class EopTools.EopIpRange", lines);
            Assert.Contains("  public string EopTools.EopIpRange.Prefix { get; }", lines);
            Assert.Contains("  public override string EopTools.EopIpRange.ToString()", lines);
            Assert.Contains("  EopTools.EopRegion.Global = 0", lines);
            Assert.Contains("[Cmdlet(\"Get\", \"EopIpRange\", DefaultParameterSetName = \"Session\")]", lines);
            Assert.DoesNotContain(lines, line => line.IndexOf("RangeIndex", StringComparison.Ordinal) >= 0);
        }

        [Fact]
        public void TheDiffShowsWhatWasAddedAndRemovedInOrder()
        {
            var approved = new List<string> { "public sealed class A", "  public int A.X { get; }", "public enum B" };
            var received = new List<string> { "public sealed class A", "  public int A.Y { get; }", "public enum B", "  B.None = 0" };

            Assert.Equal(new[] { "- " + approved[1], "+ " + received[1], "+ " + received[3] }, PublicApi.Diff(approved, received));
        }
    }

    /// <summary>One line per public type and per public member, in a stable order, C#-like.</summary>
    internal static class PublicApi
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static List<string> Lines(Assembly assembly)
        {
            var lines = new List<string>();
            foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                lines.AddRange(Attributes(type.GetCustomAttributesData()));
                lines.Add(TypeLine(type));
                var members = new List<string>();
                foreach (MemberInfo member in type.GetMembers(Declared))
                {
                    string? line = MemberLine(type, member);
                    if (line == null) continue;
                    var attributes = Attributes(member.GetCustomAttributesData()).Select(a => "  " + a);
                    members.Add(string.Join("\n", attributes.Append("  " + line)));
                }
                members.Sort(StringComparer.Ordinal);
                lines.AddRange(members.SelectMany(m => m.Split('\n')));
            }
            return lines;
        }

        /// <summary>"- line" for what only the approved text has, "+ line" for what only the new one has, in order.</summary>
        public static List<string> Diff(List<string> approved, List<string> received)
        {
            // A longest common subsequence: the surfaces are a few hundred lines.
            int[,] common = new int[approved.Count + 1, received.Count + 1];
            for (int i = approved.Count - 1; i >= 0; i--)
            {
                for (int j = received.Count - 1; j >= 0; j--)
                {
                    common[i, j] = approved[i] == received[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
                }
            }
            var diff = new List<string>();
            int a = 0, r = 0;
            while (a < approved.Count || r < received.Count)
            {
                if (a < approved.Count && r < received.Count && approved[a] == received[r])
                {
                    a++;
                    r++;
                }
                else if (a < approved.Count && (r == received.Count || common[a + 1, r] >= common[a, r + 1])) diff.Add("- " + approved[a++]);
                else diff.Add("+ " + received[r++]);
            }
            return diff;
        }

        private static string TypeLine(Type type)
        {
            string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
                : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : "class";
            string modifiers = kind != "class" ? "" : type.IsAbstract && type.IsSealed ? "static " : type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : "";
            var bases = new List<string>();
            if (kind == "class" && type.BaseType != null && type.BaseType != typeof(object)) bases.Add(Name(type.BaseType));
            var inherited = new HashSet<Type>(type.BaseType?.GetInterfaces() ?? Type.EmptyTypes);
            bases.AddRange(type.GetInterfaces().Where(i => !inherited.Contains(i)).Select(Name).OrderBy(n => n, StringComparer.Ordinal));
            return "public " + modifiers + kind + " " + Name(type) + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
        }

        private static string? MemberLine(Type type, MemberInfo member)
        {
            string owner = Name(type) + ".";
            switch (member)
            {
                case FieldInfo field when type.IsEnum:
                    return field.IsStatic ? owner + field.Name + " = " + Convert.ToInt64(field.GetRawConstantValue()) : null;
                case FieldInfo field when Visible(type, field.IsPublic, field.IsFamily || field.IsFamilyOrAssembly):
                    return Access(field.IsPublic) + (field.IsLiteral ? "const " : field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "") +
                        Name(field.FieldType) + " " + owner + field.Name;
                case PropertyInfo property:
                    MethodInfo? get = Accessible(type, property.GetMethod), set = Accessible(type, property.SetMethod);
                    if (get == null && set == null) return null;
                    MethodInfo accessor = (get ?? set)!;
                    string index = property.GetIndexParameters().Length == 0 ? "" : "[" + Parameters(property.GetIndexParameters()) + "]";
                    return Access(accessor.IsPublic) + Modifiers(accessor) + Name(property.PropertyType) + " " + owner + (index.Length > 0 ? "this" + index : property.Name) +
                        " { " + (get != null ? "get; " : "") + (set != null ? (set.IsPublic || !accessor.IsPublic ? "" : "protected ") + "set; " : "") + "}";
                case ConstructorInfo constructor when Visible(type, constructor.IsPublic, constructor.IsFamily || constructor.IsFamilyOrAssembly):
                    return Access(constructor.IsPublic) + (constructor.IsStatic ? "static " : "") + owner + "ctor(" + Parameters(constructor.GetParameters()) + ")";
                case MethodInfo method when !method.IsSpecialName && Visible(type, method.IsPublic, method.IsFamily || method.IsFamilyOrAssembly):
                    string generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
                    return Access(method.IsPublic) + Modifiers(method) + Name(method.ReturnType) + " " + owner + method.Name + generic + "(" + Parameters(method.GetParameters()) + ")";
                case EventInfo @event when Accessible(type, @event.AddMethod) != null:
                    return Access(@event.AddMethod!.IsPublic) + "event " + Name(@event.EventHandlerType!) + " " + owner + @event.Name;
                case Type:
                    return null; // a public nested type is listed as a type of its own
                default:
                    return null;
            }
        }

        /// <summary>Public, or protected in a type a caller can derive from.</summary>
        private static bool Visible(Type type, bool isPublic, bool isProtected) => isPublic || (isProtected && !type.IsSealed);

        private static MethodInfo? Accessible(Type type, MethodInfo? accessor) =>
            accessor != null && Visible(type, accessor.IsPublic, accessor.IsFamily || accessor.IsFamilyOrAssembly) ? accessor : null;

        private static string Access(bool isPublic) => isPublic ? "public " : "protected ";

        private static string Modifiers(MethodInfo method)
        {
            if (method.IsStatic) return "static ";
            if (method.IsAbstract) return "abstract ";
            if (method.GetBaseDefinition().DeclaringType != method.DeclaringType) return method.IsFinal ? "sealed override " : "override ";
            return method.IsVirtual && !method.IsFinal ? "virtual " : "";
        }

        private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") + Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType) + " " + p.Name +
            (p.IsOptional ? " = " + Value(p.RawDefaultValue) : "")));

        /// <summary>The PowerShell attributes (cmdlet, parameters, aliases, validation, output type): part of what admins call.</summary>
        private static IEnumerable<string> Attributes(IEnumerable<CustomAttributeData> attributes) => attributes
            .Where(a => a.AttributeType.Namespace == "System.Management.Automation")
            .Select(a =>
            {
                var arguments = a.ConstructorArguments.Select(Value)
                    .Concat(a.NamedArguments.OrderBy(n => n.MemberName, StringComparer.Ordinal).Select(n => n.MemberName + " = " + Value(n.TypedValue)));
                string name = a.AttributeType.Name.EndsWith("Attribute", StringComparison.Ordinal) ? a.AttributeType.Name.Substring(0, a.AttributeType.Name.Length - 9) : a.AttributeType.Name;
                return "[" + name + "(" + string.Join(", ", arguments) + ")]";
            })
            .OrderBy(a => a, StringComparer.Ordinal);

        private static string Value(CustomAttributeTypedArgument argument)
        {
            if (argument.Value is IEnumerable<CustomAttributeTypedArgument> items) return "{ " + string.Join(", ", items.Select(Value)) + " }";
            if (argument.ArgumentType.IsEnum) return Name(argument.ArgumentType) + "." + Enum.ToObject(argument.ArgumentType, argument.Value!);
            return Value(argument.Value);
        }

        private static string Value(object? value) => value switch
        {
            null => "null",
            string text => "\"" + text + "\"",
            bool flag => flag ? "true" : "false",
            Type type => "typeof(" + Name(type) + ")",
            DBNull => "null",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        };

        private static readonly Dictionary<Type, string> Keywords = new Dictionary<Type, string>
        {
            [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
            [typeof(byte)] = "byte", [typeof(int)] = "int", [typeof(long)] = "long", [typeof(double)] = "double", [typeof(char)] = "char",
            [typeof(uint)] = "uint", [typeof(ulong)] = "ulong", [typeof(short)] = "short", [typeof(decimal)] = "decimal",
        };

        private static string Name(Type type)
        {
            if (Keywords.TryGetValue(type, out string? keyword)) return keyword;
            if (type.IsArray) return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
            if (type.IsGenericParameter) return type.Name;
            Type? nullable = Nullable.GetUnderlyingType(type);
            if (nullable != null) return Name(nullable) + "?";
            string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
            if (!type.IsGenericType) return name;
            int tick = name.IndexOf('`');
            return (tick < 0 ? name : name.Substring(0, tick)) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }
    }
}
