using System.Management.Automation;

namespace EopTools.Commands
{
    /// <summary>
    /// The default views show a Region column only for output of data with regional tables (the 2018 page): the web
    /// service's data has none, and the column would say Global on every row. Such output carries the type name
    /// "EopTools.Type#WithRegion", which selects the views with the column (EopTools.Format.ps1xml); the rest pays for no wrapper.
    /// </summary>
    internal static class RegionView
    {
        public const string Suffix = "#WithRegion";

        public static PSObject WithRegion(object output)
        {
            var wrapped = new PSObject(output);
            wrapped.TypeNames.Insert(0, output.GetType().FullName + Suffix);
            return wrapped;
        }
    }
}
