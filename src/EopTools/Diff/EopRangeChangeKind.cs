namespace EopTools
{
    /// <summary>What happened to a prefix, or to a whole regional table, between two versions of the ranges.</summary>
    public enum EopRangeChangeKind
    {
        /// <summary>A prefix only the difference has, inside no prefix the reference lost.</summary>
        Added,

        /// <summary>A prefix only the reference has, inside no new prefix and with no new prefix inside it.</summary>
        Removed,

        /// <summary>A prefix replaced by a wider one: the difference's prefix contains the reference's.</summary>
        Widened,

        /// <summary>A prefix replaced by a narrower one: the reference's prefix contains the difference's.</summary>
        Narrowed,

        /// <summary>The same prefix in both (written only with -IncludeUnchanged).</summary>
        Unchanged,

        /// <summary>A regional table only the difference has.</summary>
        TableAdded,

        /// <summary>A regional table only the reference has.</summary>
        TableRemoved,
    }
}
