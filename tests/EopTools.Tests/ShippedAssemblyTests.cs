#if NETFRAMEWORK
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;

namespace EopTools.Tests
{
    /// <summary>
    /// The DLLs build.ps1 ships in out/EopTools, loaded in this .NET Framework 4.7.2 process (Mono on Linux): each
    /// assembly they reference must be one that Windows PowerShell 5.1 on .NET Framework 4.7.2 binds.
    /// </summary>
    [Trait("Category", "ShippedModule")]
    public sealed class ShippedAssemblyTests
    {
        private readonly ITestOutputHelper _output;

        public ShippedAssemblyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void ShippedDllsReferenceOnlyWhatNetFramework472AndWindowsPowerShell51Provide()
        {
            string[] dlls = Directory.GetFiles(ShippedModulePath, "*.dll");
            Assert.Equal(new[] { "EopTools.dll", "System.Net.IPNetwork.dll" }, dlls.Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            var references = ReferencesOf(dlls);
            foreach (string reference in references) _output.WriteLine(reference);
            Assert.Contains(references, r => r.StartsWith("EopTools.dll -> netstandard, Version=2.0.0.0,", StringComparison.Ordinal));
            Assert.Contains(references, r => r.StartsWith("EopTools.dll -> System.Management.Automation, Version=3.0.0.0,", StringComparison.Ordinal));
            Assert.Empty(NotProvided(dlls));
        }

        [Fact]
        public void ACheckedDllThatNeedsMoreThanNetFramework472IsCaught()
        {
            // System.Text.Json (beside this test for net472) needs System.Memory and friends, which 4.7.2 lacks: the
            // very conflict that keeps it out of the module.
            string json = Path.Combine(AppContext.BaseDirectory, "System.Text.Json.dll");
            Assert.Contains(NotProvided(new[] { json }), r => r.StartsWith("System.Text.Json.dll -> System.Memory, Version=4.0.1.", StringComparison.Ordinal));
        }

        // The two files of the reference set that are not assemblies (System.EnterpriseServices' native thunks).
        private static readonly HashSet<string> NativeHelpers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.EnterpriseServices.Thunk.dll", "System.EnterpriseServices.Wrapper.dll",
        };

        /// <summary>out/EopTools, or EOPTOOLS_MODULE_PATH as build.ps1 sets it.</summary>
        private static string ShippedModulePath
        {
            get
            {
                string path = Environment.GetEnvironmentVariable("EOPTOOLS_MODULE_PATH") ?? Path.Combine(TestPaths.RepoRoot, "out", "EopTools");
                if (!Directory.Exists(path))
                {
                    throw new DirectoryNotFoundException("The built module '" + path + "' is absent: build it first (dotnet pwsh ./build.ps1 -Task Build).");
                }
                return path;
            }
        }

        private static List<string> ReferencesOf(IEnumerable<string> dlls) =>
            dlls.SelectMany(dll => Load(dll).GetReferencedAssemblies().Select(r => Path.GetFileName(dll) + " -> " + r.FullName)).ToList();

        /// <summary>"file -> reference" for each reference of the DLLs that nothing provides, in a version at least as new.</summary>
        private static List<string> NotProvided(string[] dlls)
        {
            var provided = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
            // .NET Framework 4.7.2: every assembly in its reference set, Facades/ included (netstandard.dll 2.0.0.0 among
            // them, the facade that lets 4.7.2 run netstandard2.0 libraries without shipping one).
            string framework = typeof(ShippedAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NetFramework472ReferenceAssemblies").Value!;
            foreach (string file in Directory.GetFiles(framework, "*.dll", SearchOption.AllDirectories))
            {
                if (!NativeHelpers.Contains(Path.GetFileName(file))) Add(provided, AssemblyName.GetAssemblyName(file));
            }
            Assert.True(provided.Count > 200, "the .NET Framework 4.7.2 reference assemblies in '" + framework + "' are incomplete");
            // Windows PowerShell 5.1: its engine assembly keeps the version 3.0.0.0 of PowerShell 3, and that is the
            // version PowerShellStandard.Library 5.1 compiles against. Nothing else of PowerShell is referenced.
            Add(provided, new AssemblyName("System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"));
            // The DLLs shipped together provide each other (System.Net.IPNetwork beside EopTools).
            foreach (string dll in dlls) Add(provided, Load(dll).GetName());

            var missing = new List<string>();
            foreach (string dll in dlls)
            {
                Assembly assembly = Load(dll);
                Assert.Equal("v4.0.30319", assembly.ImageRuntimeVersion);
                foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
                {
                    bool ok = provided.TryGetValue(reference.Name, out AssemblyName? available)
                        && reference.Version <= available.Version
                        && Token(reference) == Token(available);
                    if (!ok) missing.Add(Path.GetFileName(dll) + " -> " + reference.FullName);
                }
            }
            return missing;
        }

        private static void Add(Dictionary<string, AssemblyName> provided, AssemblyName name)
        {
            if (!provided.TryGetValue(name.Name, out AssemblyName? known) || known.Version < name.Version) provided[name.Name] = name;
        }

        private static string Token(AssemblyName name) => BitConverter.ToString(name.GetPublicKeyToken() ?? Array.Empty<byte>());

        // Reflection-only: the test process has its own EopTools loaded; the shipped copy is inspected beside it, never run.
        private static Assembly Load(string dll) =>
            AppDomain.CurrentDomain.ReflectionOnlyGetAssemblies().FirstOrDefault(a => string.Equals(a.Location, Path.GetFullPath(dll), StringComparison.Ordinal))
            ?? Assembly.ReflectionOnlyLoadFrom(dll);
    }
}
#endif
