"""Ships and their records (IMO/MMSI identifiers, particulars, ISM companies, certificates,
manning, PSC inspections, accidents, penalties, watch lists), importers and a demo fleet.

Import submodules explicitly (`ftz.domain.vessels.models`, `…stability`, `…psc_risk`): this
package imports nothing eagerly so each part stays usable on its own."""
