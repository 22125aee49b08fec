using System.Management.Automation;
using EopTools.Index;

namespace EopTools.Commands
{
    /// <summary>
    /// The default views of ranges and test results have no Region column: the web service's data has no regional tables.
    /// Output from data that has them (the 2018 page) is written with a type name that selects the views with the column.
    /// </summary>
    internal static class RegionViews
    {
        public const string Suffix = "#WithRegion";

        /// <summary>
        /// Whether output from this data is written with <see cref="WithRegion"/>: only data with regional tables pays for
        /// the wrapper, so the current data's results stay the objects themselves.
        /// </summary>
        public static bool Needed(RangeIndex index) => index.HasRegionalTables;

        /// <summary>The output, wrapped with the type name that selects its view with the Region column.</summary>
        public static PSObject WithRegion(object output, string typeName)
        {
            var wrapped = new PSObject(output);
            wrapped.TypeNames.Insert(0, typeName);
            return wrapped;
        }
    }
}
