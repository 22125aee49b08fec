using System.Collections.Generic;
using System.Management.Automation;

namespace EopTools.Commands
{
    /// <summary>The one place a cmdlet writes the module's diagnostics: each as a warning, in the order found.</summary>
    internal static class Warnings
    {
        public static void Write(Cmdlet cmdlet, IEnumerable<Diagnostic> diagnostics)
        {
            foreach (Diagnostic diagnostic in diagnostics) Write(cmdlet, diagnostic);
        }

        public static void Write(Cmdlet cmdlet, Diagnostic diagnostic) => cmdlet.WriteWarning(diagnostic.ToString());
    }
}
