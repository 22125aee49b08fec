using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace EopTools
{
    /// <summary>
    /// The read-only list every output type's collection property is: a collection in the pipeline, and in a string
    /// (Export-Csv, "$x") its values joined by <see cref="Separator"/> instead of the list type's name.
    /// </summary>
    public sealed class EopList<T> : ReadOnlyCollection<T>
    {
        /// <summary>The empty list, shared: most properties of most results are empty.</summary>
        internal static readonly EopList<T> Empty = new EopList<T>(new T[0]);

        internal EopList(IList<T> values)
            : base(values)
        {
        }

        /// <summary>"; ": prefixes, region names and host names never hold it, and file paths rarely.</summary>
        public const string Separator = "; ";

        /// <summary>The values as given, or the shared empty list.</summary>
        internal static EopList<T> Of(IList<T>? values) =>
            values == null || values.Count == 0 ? Empty : new EopList<T>(values);

        public override string ToString() => string.Join(Separator, this);
    }
}
