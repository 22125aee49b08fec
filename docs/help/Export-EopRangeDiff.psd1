@{
    Synopsis    = 'Compares two versions of the Exchange Online Protection (EOP) IP ranges and writes what changed, with the exact addresses to open and close.'
    Description = @(
        'Export-EopRangeDiff compares a reference (older) version of the EOP ranges with a difference (newer) version, table by table (the global list and the Americas, EMEA and APAC tables of the 2018 page) and address family by address family. The reference is the embedded 2018 page unless -ReferencePath or -Reference says otherwise; the difference is the session''s ranges (what Update-EopIpRange last fetched) unless -DifferencePath, -Difference or the pipeline gives it.'
        'It compares address space, not text: a prefix that only one version lists is Added or Removed; a prefix replaced by a wider one is Widened, by a narrower one Narrowed, with both prefixes on the change; a table that only one version has is TableAdded or TableRemoved. Every change carries AddressesAdded and AddressesRemoved, as the fewest CIDR prefixes: the addresses that enter and leave EOP as a whole (all compared tables together), each listed once over all changes. The changes of the regional tables keep their Change and prefixes, so their history stays visible, but an address that a regional table drops and the global list still has is not in AddressesRemoved: the lists of all changes together are exactly what to open and what to close.'
        'Without -Path or -LiteralPath it writes EopTools.EopRangeChange objects to the pipeline. With a file it writes CSV (one row per change, lists joined by ''; '' as Export-Csv writes them), JSON (both data sets and the changes) or Markdown (a record ready for a change ticket: its first line is the firewall or connector edit, "Open: ... Close: ...", in the fewest whole prefixes of the two lists; then when it was generated, each version''s file and the data''s date, and, like Microsoft''s "Change notification for EOP IP addresses" page, a table for each region table that changed, or "No changes."), chosen by the file''s extension or by -Format. Files are written as Export-Csv writes them, and atomically: into a temporary file in the same folder, then renamed over the target, so a failure leaves an existing file as it was.'
    )
    Parameters  = @{
        ReferencePath    = 'Reads the older version from this file: the web service''s /endpoints JSON, O365IPAddresses.xml, any version of the EOP docs page, or plain text with one prefix per line. A malformed entry is skipped with a warning. A wildcard is expanded and must name exactly one file, since the file is one version (else the error PathNotOneFile); a missing or unreadable file ends the command. Give the reference one way only: -ReferencePath, -ReferenceLiteralPath or -Reference (else the error ReferenceGivenTwice).'
        ReferenceLiteralPath = 'As -ReferencePath, but taken exactly as typed: wildcard characters such as [ and ] are part of the name.'
        Reference        = 'The older version as objects: EopIpRange objects, for example saved from Get-EopIpRange before Update-EopIpRange, or allow-list entries in any form Compare-EopAllowList reads, through the same reader (addresses, CIDR prefixes, first-last ranges, IPv4 subnets by mask, Exchange IPRange objects, objects with a RemoteAddress or RemoteIPRanges property), which are the global list. A bad entry is the non-terminating error InvalidAllowListEntry and the rest is compared; a firewall keyword such as LocalSubnet is left out with a warning; when no entry gives a range, the error is NoRangesInReference. Ranges given as objects are compared only in the tables and address families they include, so the global list alone compares with the global list alone.'
        DifferencePath   = 'Reads the newer version from this file, in any format -ReferencePath reads, with the same rules. Cannot be used with -DifferenceLiteralPath, -Difference or piped ranges (the error DifferenceGivenTwice).'
        DifferenceLiteralPath = 'As -DifferencePath, but taken exactly as typed.'
        Difference       = 'The newer version as objects, as -Reference takes them, given as an argument or piped in (for example from Get-EopIpRange -Path, or a firewall address filter). Compared only in the tables and address families they include. When input is given or piped but no range comes of it (entries that cannot be read, or an empty pipeline), nothing is compared or written and the error is NoRangesFromPipeline: the session''s ranges are not a fallback.'
        Path             = 'The file to write. A wildcard must name exactly one existing file; otherwise the path is taken as the new file''s path, as Export-Csv does. The format follows the extension (.csv, .json, .md or .markdown) unless -Format is given. It cannot be the reference or difference file (the error OutputFileIsInput), so a record never replaces its own input, nor a folder (the error OutputPathIsFolder: give a file name in it).'
        LiteralPath      = 'The file to write, taken exactly as typed: wildcard characters such as [ and ] are part of the name.'
        Format           = 'The file format: Csv, Json or Markdown. Without it, the format follows the file''s extension, and an unknown extension is the error OutputFormatUnknown.'
        PassThru         = 'Also writes the change objects to the pipeline after writing the file.'
        NoClobber        = 'Keeps an existing file: the cmdlet fails with the error OutputFileExists (category ResourceExists) and leaves the file untouched. By default an existing file is replaced without warning, as Export-Csv does.'
        Force            = 'Replaces a read-only file (which stays read-only). Without it, a read-only file is the error OutputFileReadOnly.'
        IncludeUnchanged = 'Also reports the prefixes both versions list, as Unchanged changes with empty address lists.'
        WhatIf           = 'Shows the file that would be written and how many changes it would hold, and writes nothing: no file and, with -PassThru, no changes. Without -Path or -LiteralPath nothing is written anyway.'
        Confirm          = 'Asks before writing the file.'
    }
    Inputs      = @(
        @{ Type = 'EopTools.EopIpRange'; Description = 'Ranges piped in are the difference (newer) version.' }
        @{ Type = 'System.String'; Description = 'Allow-list entries piped in (addresses, CIDR prefixes, first-last ranges, IPv4 subnets by mask) are the difference, as the global list.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'An Exchange IPRange, or an object with a RemoteAddress or RemoteIPRanges property (a firewall address filter, a receive connector), read as allow-list entries.' }
    )
    Outputs     = @(
        @{ Type = 'EopTools.EopRangeChange'; Description = 'Without -Path, or with -PassThru: one object per change with Change, Region, AddressFamily (empty for a whole table), ReferencePrefix, DifferencePrefix, AddressesAdded, AddressesRemoved, ReferenceDataSet and DifferenceDataSet, in table, family and address order. The default view is a list (a table cannot fit 80 columns; Format-Table gives one on a wider console); it shows Region only when either version has regional tables (the 2018 page), since the web service''s data has none and every change of it is in the Global list. Region is always a property, in a string, Format-List * and the CSV, JSON and Markdown records.' }
        @{ Type = 'None'; Description = 'With -Path or -LiteralPath and without -PassThru, the cmdlet writes only the file.' }
    )
    Notes       = @(
        'A prefix inside new prefixes is Widened to the narrowest of them, so several old prefixes inside one new one are each Widened to it; a prefix that splits is Narrowed once per piece. An address that enters (leaves) EOP is listed once over all changes: in the first table, in the order Global, Americas, EMEA, APAC, that gains (loses) it, on the first change of the narrowest prefix there that holds it, or on the table''s TableAdded (TableRemoved) change. An address that only moves between tables, and one that a regional table drops while the global list keeps it, is in no list.'
        'An address family that one version has and the other lacks, as a web service answer requested with NoIPv6 lacks IPv6, is reported range by range as Removed (or Added), since a firewall rule set from the list loses (or gains) it all, and a warning says so and why. Ranges given as objects from data without IPv6 are all of that data: compared with data that has IPv6, the IPv6 that came back is Added.'
        'The comparison sorts once and sweeps: it takes n log n time, under 2 seconds for two versions of a million prefixes on a 2-core machine.'
    )
    Examples    = @(
        @{
            Title   = 'See what changed between two saved versions of the EOP page'
            Code    = @'
Export-EopRangeDiff -ReferencePath .\eop-ip-addresses-2018-07-18.md -DifferencePath .\eop-ip-addresses-2018-10-02.md
'@
            Remarks = 'The pages Microsoft published on 18 July and 2 October 2018: 23.103.212.0/22 and 40.107.128.0/18 were Removed from the global list, each closing itself, and the Americas, EMEA and APAC tables were dropped, three TableRemoved changes that close nothing, because every address of those tables is still in the global list.'
        }
        @{
            Title   = 'Keep a change record in Markdown'
            Code    = @'
Export-EopRangeDiff -ReferencePath .\eop-ip-addresses-2018-07-18.md -DifferencePath .\eop-ip-addresses-2018-10-02.md -Path .\eop-changes-2018-10.md -NoClobber
'@
            Remarks = 'The first line of the file is the edit to paste into the change ticket: "Open: nothing. Close: 23.103.212.0/22, 40.107.128.0/18." Then it says when it was generated and which files (with the data''s dates, 2018-07-18 and 2018-10-02) it compares, and reads like Microsoft''s change-notification page: a table for the Global list and one for each regional table that was dropped. -NoClobber keeps a record written earlier; use .csv or .json for the same changes as data.'
        }
        @{
            Title   = 'Edit a receive connector''s remote IP ranges in place'
            Code    = @'
$changes = Export-EopRangeDiff -DifferencePath .\microsoft365-worldwide.json | Where-Object Region -EQ 'Global'
Set-ReceiveConnector -Identity 'EX01\From Exchange Online' -RemoteIPRanges @{
    Add    = @($changes.DifferencePrefix | Select-Object -Unique)
    Remove = @($changes.ReferencePrefix | Select-Object -Unique)
}
'@
            Remarks = 'Compares the embedded 2018 page with the web service''s answer saved in 2022: Add is 40.92.0.0/15, 40.107.0.0/16 and 2a01:111:f400::/48; Remove is the 17 prefixes that left the list and the four that were narrowed or widened (40.92.0.0/14, 40.107.0.0/17 and the two IPv6 /54s). RemoteIPRanges is a multi-valued property: @{Add=...; Remove=...} edits it and keeps the other entries, such as your own servers.'
        }
        @{
            Title   = 'List what a firewall must open and close'
            Code    = @'
$changes = Export-EopRangeDiff -DifferencePath .\microsoft365-worldwide.json
"Open:  $($changes.AddressesAdded -join ', ')"
"Close: $($changes.AddressesRemoved -join ', ')"
'@
            Remarks = 'Over all changes of all tables each address is listed once: against the 2022 list, Open is 40.107.128.0/17 and ten IPv6 prefixes that make up the rest of 2a01:111:f400::/48; Close is 18 entries, the 17 removed prefixes and 40.94.0.0/15, the half of 40.92.0.0/14 that was dropped. The regional tables the 2022 list no longer has add nothing to Close: their addresses are still in its global list or in the 18 entries.'
        }
    )
    Links       = @('about_EopTools', 'Get-EopIpRange', 'Update-EopIpRange', 'Export-Csv')
}
