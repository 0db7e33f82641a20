#!/usr/bin/env python3
"""Writes tests/agreement/bad/*.toml: copies of good/minimal.toml with one fault each.

Run from anywhere after changing good/minimal.toml; then update the messages pinned in
src/agreement/loader_test.cc (each names file, line, column and key). The registry fixtures
under bad/registry/ are directories and are written here too.
"""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
MINIMAL = (HERE / "good" / "minimal.toml").read_text()
# Drop minimal.toml's own header comment (up to the first blank line).
BODY = MINIMAL.split("\n\n", 1)[1]

# name: (what is wrong, [(text in minimal.toml, replacement)])
FAULTS = {
    "unknown_key": ("an unknown key in [meals]", [('penalty = "10.00"\n', 'penalty = "10.00"\ncolour = "blue"\n')]),
    "misspelt_key": ("`multiplier` misspelt in [day_rates.sixth]: unknown key and missing key",
                     [('multiplier = "1.5"\ncite = "Art. 3"', 'multipler = "1.5"\ncite = "Art. 3"')]),
    "duplicate_key": ("a key given twice in [meals]", [('penalty = "10.00"\n', 'penalty = "10.00"\npenalty = "12.00"\n')]),
    "duplicate_table": ("the table [day_rates] given twice",
                        [('[day_rates.sixth]', '[day_rates]\nweekly_days = 5\n\n[day_rates.sixth]')]),
    "invalid_toml": ("a string that is never closed", [('penalty = "10.00"\n', 'penalty = "10.00\n')]),
    "missing_key": ("no max_per_day in [meals]", [('max_per_day = "30.00"\n', '')]),
    "missing_table": ("no [premium_approval] table",
                      [('[premium_approval]\npremium_line_codes = ["overtime"]\ncite = "Art. 9"\n'
                        'source = "Premium pay needs approval."\n\n', '')]),
    "non_iso_date": ("metadata.effective written 2020-1-1", [('effective = 2020-01-01', 'effective = "2020-1-1"')]),
    "money_given_duration": ("a duration where money is expected", [('penalty = "10.00"', 'penalty = "14h"')]),
    "money_as_number": ("money as a bare TOML number", [('penalty = "10.00"', 'penalty = 10')]),
    "money_too_many_decimals": ("money with three decimals", [('penalty = "10.00"', 'penalty = "10.005"')]),
    "duration_as_number": ("a bare number where a duration is expected", [('first_within = "6h"', 'first_within = 6')]),
    "duration_without_unit": ("a duration string without its unit", [('first_within = "6h"', 'first_within = "6"')]),
    "rate_as_float": ("a multiplier written as a TOML float",
                      [('multiplier = "1.5"\ncite = "Art. 3"', 'multiplier = 1.5\ncite = "Art. 3"')]),
    "rate_given_money": ("money where a rate is expected", [('rate = "0.04"', 'rate = "$4"')]),
    "count_as_string": ("a divisor written as a string", [('daily_divisor = 8\nweekly_divisor = 40\nday_rate_divisor',
                                                           'daily_divisor = "8"\nweekly_divisor = 40\nday_rate_divisor')]),
    "bad_enum": ("paid_by names no payer", [('paid_by = "producer"', 'paid_by = "studio"')]),
    "bad_weekday": ("a holiday that moves on a day that is no weekday",
                    [('month = 1\nday = 1\n', 'month = 1\nday = 1\nmoves_when_on = "sundae"\n')]),
    "unknown_department": ("a classification in a department that is not defined",
                           [('department = "crew"', 'department = "camera"')]),
    "unknown_cap": ("a contribution naming a cap that is not defined", [('cap = "fund"', 'cap = "pension"')]),
    "missing_production_type": ("minimums for a production type the metadata does not list",
                                [('minimums.theatrical =', 'minimums.television =')]),
    "tiers_out_of_order": ("an overtime tier that does not come after the previous one",
                           [('source = "After 10 hours, time and a half."\n',
                             'source = "After 10 hours, time and a half."\n\n'
                             '[[department.crew.overtime.first_five]]\nafter = "9h"\nmultiplier = "2"\n'
                             'cite = "Art. 1"\nsource = "After 9 hours, double time."\n')]),
    "sales_tax_overlap": ("a sales-tax period starting while the previous one is open",
                          [('source = "GST 5%, QST 9.975%."\n',
                            'source = "GST 5%, QST 9.975%."\n\n[[sales_tax]]\nfrom = 2021-01-01\ngst = "0.05"\n'
                            'qst = "0.1"\nqst_on_amount_plus_gst = false\ncite = "Revenu Québec"\nsource = "QST 10%."\n')]),
    "day_not_in_month": ("a fixed holiday on February 30", [('month = 1\nday = 1\n', 'month = 2\nday = 30\n')]),
    "latitude_out_of_range": ("a studio-zone centre beyond the pole", [('centre_latitude = "45.5"', 'centre_latitude = "95.5"')]),
}

# Registry fixtures: <name>/<directory>/<file name>, with a change to the minimal file.
REGISTRY = {
    "file_name_not_date": ("minimal/2020-1-1.toml", []),
    "file_name_not_effective": ("minimal/2020-02-01.toml", []),
    "id_not_directory": ("other/2020-01-01.toml", []),
}


def make(description, changes):
    text = BODY
    for old, new in changes:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    header = (f"# Bad agreement fixture: {description}.\n"
              "# A copy of good/minimal.toml with that one fault (tests/agreement/make_bad_fixtures.py).\n\n")
    return header + text


def main():
    bad = HERE / "bad"
    bad.mkdir(exist_ok=True)
    for name, (description, changes) in FAULTS.items():
        (bad / f"{name}.toml").write_text(make(description, changes))
    for name, (relative, changes) in REGISTRY.items():
        path = bad / "registry" / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(name.replace("_", " "), changes))


if __name__ == "__main__":
    main()
