<#
.SYNOPSIS
    Writes EopTools.dll-Help.xml (MAML) from the help sources in docs/help and the cmdlets' own metadata.
.DESCRIPTION
    platyPS is not available here, so the MAML is generated: the prose (synopsis, description, parameter text,
    inputs, outputs, notes, examples, links) comes from docs/help/<Verb-Noun>.psd1; the syntax, parameter types,
    positions, pipeline input and aliases come from the built module by reflection, so they cannot drift. A cmdlet or
    parameter without help text is an error.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath -Force

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
# -WhatIf and -Confirm are documented where a cmdlet has them (its help source says what they stop); the rest are
# the common parameters that <CommonParameters> stands for.
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction'

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutputPath)
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)

function Write-Paragraphs([string[]] $Paragraphs) {
    $writer.WriteStartElement('maml', 'description', $maml)
    foreach ($paragraph in $Paragraphs) { $writer.WriteElementString('maml', 'para', $maml, $paragraph) }
    $writer.WriteEndElement()
}

function Get-PipelineInput($parameter) {
    $kinds = @()
    foreach ($attribute in $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }) {
        if ($attribute.ValueFromPipeline) { $kinds += 'ByValue' }
        if ($attribute.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    }
    $kinds = @($kinds | Select-Object -Unique)
    if ($kinds.Count) { "True ($($kinds -join ', '))" } else { 'False' }
}

# The type as a user writes it: EopRegion for Nullable<EopRegion>, String[] for an array.
function Get-ParameterType([type] $type) {
    $underlying = [System.Nullable]::GetUnderlyingType($type)
    if ($underlying) { $underlying } else { $type }
}

function Write-Parameter($parameter, $setData, [string] $description, [bool] $full) {
    $position = if ($setData -and $setData.Position -ge 0) { [string]$setData.Position } else { 'named' }
    $required = if ($setData) { $setData.IsMandatory.ToString().ToLowerInvariant() } else { 'false' }
    $writer.WriteStartElement('command', 'parameter', $command)
    $writer.WriteAttributeString('required', $required)
    $writer.WriteAttributeString('variableLength', $parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
    $writer.WriteAttributeString('globbing', 'false')
    $writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $parameter))
    $writer.WriteAttributeString('position', $position)
    $writer.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('maml', 'name', $maml, $parameter.Name)
    Write-Paragraphs @($description)
    if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $writer.WriteStartElement('command', 'parameterValue', $command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteString((Get-ParameterType $parameter.ParameterType).Name)
        $writer.WriteEndElement()
    }
    if ($full) {
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('maml', 'name', $maml, (Get-ParameterType $parameter.ParameterType).FullName)
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($cmdlet in Get-Command -Module EopTools -CommandType Cmdlet | Sort-Object Name) {
    $sourceFile = Join-Path $SourcePath "$($cmdlet.Name).psd1"
    if (-not (Test-Path $sourceFile)) { throw "No help source for $($cmdlet.Name): '$sourceFile' is missing." }
    $help = Import-PowerShellDataFile $sourceFile
    $ownParameters = $cmdlet.Parameters.Values | Where-Object { $common -notcontains $_.Name } | Sort-Object Name
    foreach ($parameter in $ownParameters) {
        if (-not $help.Parameters.ContainsKey($parameter.Name)) { throw "The help source for $($cmdlet.Name) does not describe -$($parameter.Name)." }
    }
    foreach ($name in $help.Parameters.Keys) {
        if (-not $cmdlet.Parameters.ContainsKey($name)) { throw "The help source for $($cmdlet.Name) describes -$name, which the cmdlet does not have." }
    }

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('command', 'name', $command, $cmdlet.Name)
    $writer.WriteElementString('command', 'verb', $command, $cmdlet.Verb)
    $writer.WriteElementString('command', 'noun', $command, $cmdlet.Noun)
    Write-Paragraphs @($help.Synopsis)
    $writer.WriteEndElement()
    Write-Paragraphs $help.Description

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmdlet.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('maml', 'name', $maml, $cmdlet.Name)
        # Positional first, then by name, and -WhatIf -Confirm last, as PowerShell's own help writes them.
        $order = { if ($_.Position -ge 0) { $_.Position } else { 1000 } }, { [array]::IndexOf(@('WhatIf', 'Confirm'), $_.Name) }, 'Name'
        foreach ($setParameter in $set.Parameters | Where-Object { $common -notcontains $_.Name } | Sort-Object $order) {
            # The set's own view of the parameter carries its position and whether it is mandatory in this set.
            Write-Parameter $cmdlet.Parameters[$setParameter.Name] $setParameter $help.Parameters[$setParameter.Name] $false
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    foreach ($parameter in $ownParameters) {
        $setData = $parameter.ParameterSets.Values | Select-Object -First 1
        Write-Parameter $parameter $setData $help.Parameters[$parameter.Name] $true
    }
    $writer.WriteEndElement()

    foreach ($section in @(@{ List = 'inputTypes'; Item = 'inputType'; Key = 'Inputs' }, @{ List = 'returnValues'; Item = 'returnValue'; Key = 'Outputs' })) {
        $writer.WriteStartElement('command', $section.List, $command)
        foreach ($entry in $help[$section.Key]) {
            $writer.WriteStartElement('command', $section.Item, $command)
            $writer.WriteStartElement('dev', 'type', $dev)
            $writer.WriteElementString('maml', 'name', $maml, $entry.Type)
            $writer.WriteEndElement()
            Write-Paragraphs @($entry.Description)
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('maml', 'alertSet', $maml)
    $writer.WriteStartElement('maml', 'alert', $maml)
    foreach ($note in $help.Notes) { $writer.WriteElementString('maml', 'para', $maml, $note) }
    # Related topics are named here, not as related links: PowerShell offers "Get-Help -Online" for any topic with
    # related links, and this module has no online help for it to open.
    $writer.WriteElementString('maml', 'para', $maml, "Related: $($help.Links -join ', ').")
    $writer.WriteEndElement()
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'examples', $command)
    $number = 0
    foreach ($example in $help.Examples) {
        $number++
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('maml', 'title', $maml, "-------------------------- Example ${number}: $($example.Title) --------------------------")
        $writer.WriteElementString('dev', 'code', $dev, $example.Code.Trim())
        $writer.WriteStartElement('dev', 'remarks', $dev)
        $writer.WriteElementString('maml', 'para', $maml, $example.Remarks)
        # The output the example states (Module.Tests.ps1 compares it with the real output on the data the example names).
        if ($example['Output']) {
            $lines = @($example['Output'].Trim() -split '\r?\n' | ForEach-Object { $_.TrimEnd() })
            $writer.WriteElementString('maml', 'para', $maml, "Output:`n" + ($lines -join "`n"))
        }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()
