@{
    Synopsis    = 'Compares an allow-list (a receive connector''s RemoteIPRanges, a firewall rule''s RemoteAddress, any list of addresses) with the Exchange Online Protection (EOP) ranges and writes the exact edit that makes it right.'
    Description = @(
        'Compare-EopAllowList reads an allow-list entry by entry and compares it, in address space, with the EOP ranges of the session (what Update-EopIpRange last fetched, else the embedded 2018 page), of a file given with -Path, or of the cached ranges of another web-service instance given with -Instance. It writes one EopTools.EopAllowListEntry per entry, in input order, then one per current EOP range with addresses that no entry covers (Missing), in address order.'
        'It reads every form these lists hold: a single IPv4 or IPv6 address (an IPv6 zone id such as %11 is ignored), a CIDR prefix of either family, a first-last range of either family (as Exchange and the firewall write it, without spaces), the firewall''s IPv4 subnet by mask (40.92.0.0/255.254.0.0), and the firewall''s keywords. It takes strings, IPAddress objects, EopIpRange objects, Exchange''s IPRange objects (also deserialized over remote PowerShell, through their text), and objects whose RemoteAddress property (Get-NetFirewallAddressFilter) or RemoteIPRanges property (Get-ReceiveConnector) holds several entries. Leading and trailing spaces are ignored.'
        'Parsing is strict: an entry whose host bits are set (10.0.0.1/24), a non-contiguous mask (255.0.255.0), a backwards or mixed-family range, or text that is no entry is the non-terminating error InvalidAllowListEntry, which names the entry and says what is wrong; an object that is no entry is AllowListObjectNotRecognized. The other entries are still compared, with a warning that Missing rows may list addresses a rejected entry would have covered.'
        'Each row has a Status. Covered: every address is current EOP space. Partial: part is, part is not (EopAddresses and OtherAddresses list both parts as the fewest CIDR prefixes). Stale: no current EOP address, but addresses EOP used before (in the embedded 2018 page, the oldest EOP list the module knows). Foreign: never EOP, such as your own servers; left alone. Unrestricted: the firewall''s Any (or *, Any4, Any6), which admits everything. NotComparable: a firewall keyword whose addresses depend on the machine (LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal, each also with 4 or 6), reported with a warning and counted as covering nothing. Missing: current EOP space no entry covers.'
        'Each row carries the edit as the fewest CIDR prefixes. AddressesToAdd on a Missing row is exactly the EOP space no entry covers, listed once over all rows. An entry that holds addresses EOP no longer uses (a Stale entry, or a Partial one such as the 2018 40.92.0.0/14 where EOP now uses 40.92.0.0/15) is to be removed whole: AddressesToRemove lists its addresses, and its AddressesToAdd the part of it to keep (current EOP space, and addresses that never were EOP) that no kept entry already holds. Foreign addresses are never removed. After the edit the list holds exactly its own Foreign addresses and the current EOP space.'
        'When the edited list would hold more than about 1000 entries, the number users report as the most a Windows Firewall rule takes, or more than the 1200 to 1300 a receive connector''s RemoteIPRanges holds (an Active Directory limit; Exchange refuses with AdminLimitExceededException), a warning says so.'
    )
    Parameters  = @{
        AllowList = 'The entries: strings, IPAddress or EopIpRange objects, Exchange IPRange objects, or objects with a RemoteAddress or RemoteIPRanges property such as Get-NetFirewallAddressFilter and Get-ReceiveConnector write. Given as an argument or piped in; an empty value is skipped with a verbose message.'
        Path      = 'Compares with the EOP ranges in this file instead of the session''s (any format Get-EopIpRange -Path reads: the web service''s /endpoints JSON, O365IPAddresses.xml, the EOP docs page, plain text). A wildcard is expanded and must name exactly one file, the one version compared with (else the error PathNotOneFile); a missing or unreadable file ends the command.'
        LiteralPath = 'As -Path, but taken exactly as typed: wildcard characters such as [ and ] are part of the name. It is not bound from the pipeline, which carries the allow-list.'
        Instance  = 'Compares with the cached ranges of this Microsoft 365 web-service instance (Worldwide, USGovDoD, USGovGCCHigh, China), as Update-EopIpRange -Instance fetched them. An instance with no cached ranges is the error InstanceNotCached; an unknown one UnknownInstance. Tab completion offers the instances.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'An entry as text: address, CIDR prefix, first-last range, IPv4 subnet by mask, or firewall keyword.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'An object with a RemoteAddress or RemoteIPRanges property (a firewall address filter, a receive connector), an Exchange IPRange, an IPAddress or an EopIpRange.' }
    )
    Outputs     = @(
        @{ Type = 'EopTools.EopAllowListEntry'; Description = 'Entry (as given; empty on a Missing row), Status, AddressFamily, FirstAddress, LastAddress, Ranges (the current EOP ranges it overlaps), EopAddresses, OtherAddresses, AddressesToAdd, AddressesToRemove and DataSet.' }
    )
    Notes       = @(
        'Exchange''s RemoteIPRanges is a multi-valued property: @{ Add = ...; Remove = ... } edits it in place. Remove takes the entries exactly as the connector holds them, so take them from the Entry of each row that has AddressesToRemove. The firewall''s RemoteAddress is replaced whole: give it the entries of the rows that have nothing to remove, plus every AddressesToAdd.'
        'Stale needs to know where EOP was before: the module knows the embedded 2018 page. An address that EOP used only in some other old list, and not any more, reads as Foreign.'
        'The table view shows Status, Entry, AddressesToAdd and AddressesToRemove, one prefix per line, within 80 columns; Format-List shows every property.'
    )
    Examples    = @(
        @{
            Title   = 'Check the receive connector that takes mail from Exchange Online'
            Code    = @'
Get-ReceiveConnector -Identity 'EX01\From Exchange Online' | Compare-EopAllowList
'@
            Remarks = 'Each remote IP range is one row: the EOP prefixes are Covered, 2a01:111:f400::/48 is Partial (the 2018 page lists only two /54s inside it), your own 10.20.0.0/16 and 192.168.10.5-192.168.10.9 are Foreign and stay. Then one Missing row per EOP range the connector lacks, with the prefixes to add.'
        }
        @{
            Title   = 'Edit the connector in one command'
            Code    = @'
$rows = Get-ReceiveConnector -Identity 'EX01\From Exchange Online' | Compare-EopAllowList
Set-ReceiveConnector -Identity 'EX01\From Exchange Online' -RemoteIPRanges @{
    Add    = @($rows.AddressesToAdd)
    Remove = @($rows | Where-Object { $_.AddressesToRemove.Count } | ForEach-Object Entry)
}
'@
            Remarks = 'Adds every missing EOP prefix and removes every entry that holds retired EOP addresses (putting back the part of it to keep), and leaves your own entries alone. Add -WhatIf to Set-ReceiveConnector to see the edit first.'
        }
        @{
            Title   = 'Correct a firewall rule whose addresses are in mask form'
            Code    = @'
$filter = Get-NetFirewallRule -Name EOP-SMTP-In | Get-NetFirewallAddressFilter
$rows = $filter | Compare-EopAllowList -WarningAction SilentlyContinue
$keep = @($rows | Where-Object { $_.Entry -and -not $_.AddressesToRemove.Count } | ForEach-Object Entry)
$filter | Set-NetFirewallAddressFilter -RemoteAddress ($keep + $rows.AddressesToAdd)
'@
            Remarks = 'The filter''s RemoteAddress holds 40.92.0.0/255.252.0.0, 104.47.0.0/255.255.128.0, 10.0.0.0/255.0.0.0 and LocalSubnet: the first two are Covered, 10.0.0.0/8 is Foreign and LocalSubnet NotComparable (the warning says so). The firewall takes the whole list at once: the kept entries plus the missing EOP prefixes.'
        }
        @{
            Title   = 'List what a gateway''s allow-list lacks'
            Code    = @'
Get-Content .\gateway-allowlist.txt | Compare-EopAllowList | Where-Object Status -EQ 'Missing' | ForEach-Object AddressesToAdd
'@
            Remarks = 'A text file with one entry per line, in any of the forms above. The missing EOP space comes out as the fewest CIDR prefixes.'
        }
    )
    Links       = @('about_EopTools', 'Get-EopIpRange', 'Update-EopIpRange', 'Export-EopRangeDiff')
}
