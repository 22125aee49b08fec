namespace EopTools
{
    /// <summary>The table a range was published in: the global list or one of the regional tables.</summary>
    public enum EopRegion
    {
        Global,
        Americas,
        EMEA,
        APAC,
    }

    internal static class EopRegions
    {
        /// <summary>How many tables a data set can have: arrays indexed by <see cref="EopRegion"/> are this long.</summary>
        public const int Count = (int)EopRegion.APAC + 1;
    }
}
