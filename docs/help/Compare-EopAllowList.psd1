@{
    Synopsis    = 'Compares an allow-list (a receive connector''s RemoteIPRanges, a firewall rule''s RemoteAddress, any list of addresses) with the Exchange Online Protection (EOP) ranges and writes the exact edit that makes it right.'
    Description = @(
        'Compare-EopAllowList reads an allow-list entry by entry and compares it, in address space, with the EOP ranges of the session (what Update-EopIpRange last fetched, else the embedded 2018 page), of a file given with -Path, or of the cached ranges of another web-service instance given with -Instance. It writes one EopTools.EopAllowListEntry per entry, in input order, then one per current EOP range with addresses that no entry covers (Missing), in address order.'
        'It reads every form these lists hold: a single IPv4 or IPv6 address (an IPv6 zone id such as %11 is ignored), a CIDR prefix of either family, a first-last range of either family (as Exchange and the firewall write it, without spaces), the firewall''s IPv4 subnet by mask (40.92.0.0/255.254.0.0), and the firewall''s keywords. It takes strings, IPAddress objects, EopIpRange objects, Exchange''s IPRange objects (also deserialized over remote PowerShell, through their text), and objects whose RemoteAddress property (Get-NetFirewallAddressFilter) or RemoteIPRanges property (Get-ReceiveConnector) holds several entries. Leading and trailing spaces are ignored, and # starts a comment to the end of the line, as in a file Get-EopIpRange -Path reads: a list kept in a text file can be piped from Get-Content as it is.'
        'Parsing is strict: an entry whose host bits are set (10.0.0.1/24), a non-contiguous mask (255.0.255.0), a backwards or mixed-family range, or text that is no entry is the non-terminating error InvalidAllowListEntry, which names the entry and says what is wrong; an object that is no entry is AllowListObjectNotRecognized. The other entries are still compared, with a warning that Missing rows may list addresses a rejected entry would have covered.'
        'Each row has a Status. Covered: every address is current EOP space. Partial: part is, part is not (EopAddresses and OtherAddresses list both parts as the fewest CIDR prefixes). Stale: no current EOP address, but addresses EOP used before, in the older data the module keeps (see the notes). Foreign: never EOP, such as your own servers; left alone. Unrestricted: every address of a family: the firewall''s Any (or *, Any4, Any6), 0.0.0.0/0, ::/0, 0.0.0.0/0.0.0.0, and the full ranges 0.0.0.0-255.255.255.255 and ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff that Exchange gives every new receive connector; a warning says that the connector or rule accepts mail from any sender, and gives the command that replaces these entries with the EOP ranges the rest of the list lacks. NotComparable: a firewall keyword whose addresses depend on the machine (LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal, each also with 4 or 6), reported with a warning and counted as covering nothing. Missing: current EOP space no entry covers.'
        'Each row carries the edit. The edit adds only current EOP ranges, each whole as the EOP list has it: a list holding 40.107.22.5 lacks 40.107.0.0/16, not the pieces around that address (an allow-list does no harm by overlapping). It removes only an entry made wholly of EOP space that holds addresses EOP no longer uses: a Stale entry, or a Partial one such as the 2018 40.92.0.0/14, where EOP now uses 40.92.0.0/15. AddressesToRemove lists that entry''s addresses, and its AddressesToAdd the EOP ranges it overlapped that the kept entries do not hold whole. An entry that also holds addresses that never were EOP is kept whole, never cut into pieces: when it holds retired EOP addresses too, a warning names them, to narrow by hand. A Missing row is a current EOP range the kept entries do not hold whole; its AddressesToAdd is that range. Unrestricted, NotComparable and Foreign entries are never edited. After the edit the list covers all current EOP space.'
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
        'Stale needs to know where EOP was before. With the session''s ranges from the cache it looks where Test-EopIpAddress''s FormerRange does: the cache''s previous data (previous.cache, what the cache held before its ranges last changed), then the 2018 page embedded in EopTools; a previous.cache that cannot be read is passed over with a warning. With -Path or -Instance, and before the first Update-EopIpRange, it knows the embedded page. An address that EOP used only in some other old list, and not any more, reads as Foreign.'
        'The examples show what it finds with the web service''s list as Update-EopIpRange stores it (its Worldwide answer of 2022 holds 40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 104.47.0.0/17, 2a01:111:f400::/48 and 2a01:111:f403::/48). Before the first Update-EopIpRange, it compares with the embedded 2018 page and says so in a warning.'
        'The table view shows Status, Entry, AddressesToAdd and AddressesToRemove, one prefix per line, within 80 columns; Format-List shows every property.'
    )
    Examples    = @(
        @{
            Title   = 'Check the receive connector that takes mail from Exchange Online'
            Code    = @'
Get-ReceiveConnector -Identity 'EX01\From Exchange Online' | Compare-EopAllowList
'@
            Remarks = 'A connector set up from the 2018 page, against the web service''s list: 40.107.0.0/17, 52.100.0.0/14, 104.47.0.0/17 and 2a01:111:f403::/48 are Covered; 40.92.0.0/14 is Partial (EOP no longer uses 40.94.0.0/15), to be removed with 40.92.0.0/15 added in its place; 23.103.132.0/22 is Stale, to be removed; your own 10.20.0.0/16 and 192.168.10.5-192.168.10.9 are Foreign and stay. Then two Missing rows, 40.107.0.0/16 and 2a01:111:f400::/48: each EOP range the connector does not hold whole is added whole.'
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
            Remarks = 'On the connector of the first example: adds 40.92.0.0/15, 40.107.0.0/16 and 2a01:111:f400::/48, removes 40.92.0.0/14 and 23.103.132.0/22, and leaves your own entries alone. Add -WhatIf to Set-ReceiveConnector to see the edit first.'
        }
        @{
            Title   = 'Find a receive connector that accepts mail from any sender'
            Code    = @'
Get-ReceiveConnector -Identity 'EX01\Default Frontend EX01' | Compare-EopAllowList
'@
            Remarks = 'Exchange creates every receive connector with RemoteIPRanges 0.0.0.0-255.255.255.255 and ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff. Both rows are Unrestricted, nothing is Missing, and a warning says that the connector accepts mail from any sender, with the command that locks it to EOP: Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = ''0.0.0.0-255.255.255.255'', ''::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff''; Add = ''40.92.0.0/15'', ''40.107.0.0/16'', ''52.100.0.0/14'', ''104.47.0.0/17'', ''2a01:111:f400::/48'', ''2a01:111:f403::/48'' }. Run it only on a connector meant for mail from EOP alone: a connector that also takes mail from the internet, or from your own servers and clients, needs their addresses too.'
        }
        @{
            Title   = 'Correct a firewall rule whose addresses are in mask form'
            Code    = @'
$filter = Get-NetFirewallRule -Name EOP-SMTP-In | Get-NetFirewallAddressFilter
$rows = $filter | Compare-EopAllowList
$keep = @($rows | Where-Object { $_.Entry -and -not $_.AddressesToRemove.Count } | ForEach-Object Entry)
$filter | Set-NetFirewallAddressFilter -RemoteAddress ($keep + $rows.AddressesToAdd)
'@
            Remarks = 'The filter''s RemoteAddress holds 40.92.0.0/255.252.0.0, 104.47.0.0/255.255.128.0, 10.0.0.0/255.0.0.0 and LocalSubnet. Against the web service''s list, 40.92.0.0/255.252.0.0 (40.92.0.0/14) is Partial and replaced by 40.92.0.0/15, 104.47.0.0/255.255.128.0 is Covered, 10.0.0.0/255.0.0.0 is Foreign, and LocalSubnet is NotComparable, with a warning that it is counted as covering no EOP address. The firewall takes the whole list at once: 104.47.0.0/255.255.128.0, 10.0.0.0/255.0.0.0, LocalSubnet, 40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 2a01:111:f400::/48 and 2a01:111:f403::/48.'
        }
        @{
            Title   = 'Say what a gateway''s allow-list, kept in a text file, must lose and gain'
            Code    = @'
$rows = Get-Content .\gateway-allowlist.txt | Compare-EopAllowList
"Remove: $($rows.AddressesToRemove -join ', ')"
"Add: $($rows.AddressesToAdd -join ', ')"
'@
            Remarks = 'The file holds one entry per line, in any of the forms above, and # starts a comment: ''# EOP, for the mail gateway'', 40.92.0.0/14, 104.47.0.0-104.47.127.255, 2a01:111:f403::/48 and ''203.0.113.10   # our relay''. Against the web service''s list it writes "Remove: 40.92.0.0/14" and "Add: 40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 2a01:111:f400::/48"; 203.0.113.10 is Foreign and stays.'
        }
    )
    Links       = @('about_EopTools', 'Get-EopIpRange', 'Update-EopIpRange', 'Export-EopRangeDiff')
}
