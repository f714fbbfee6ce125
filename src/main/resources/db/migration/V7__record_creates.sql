-- Taizhang schema, version 7: every travelling record names the changes that created it (docs/decisions/0006).
--
-- A record with a stable id (a finding from a sheet's row, a unit from a workbook) can be created on two devices.
-- A create outranks no edit: the merge must tell a create's values from an edit's, so the clock column ends with
-- "#dots", the changes that created the record. Records written before this version take them from their
-- create history entries (a history entry is named by its change: revision = counter, updated_by = device).
-- No table is created here.

UPDATE attachment SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'attachment' AND h.entity_id = attachment.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'attachment' AND h.entity_id = attachment.id AND h.action = 'create');

UPDATE unit SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'unit' AND h.entity_id = unit.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'unit' AND h.entity_id = unit.id AND h.action = 'create');

UPDATE community SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'community' AND h.entity_id = community.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'community' AND h.entity_id = community.id AND h.action = 'create');

UPDATE organization SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'organization' AND h.entity_id = organization.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'organization' AND h.entity_id = organization.id AND h.action = 'create');

UPDATE checklist_template SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'checklist_template' AND h.entity_id = checklist_template.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'checklist_template' AND h.entity_id = checklist_template.id AND h.action = 'create');

UPDATE checklist_category SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'checklist_category' AND h.entity_id = checklist_category.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'checklist_category' AND h.entity_id = checklist_category.id AND h.action = 'create');

UPDATE checklist_item SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'checklist_item' AND h.entity_id = checklist_item.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'checklist_item' AND h.entity_id = checklist_item.id AND h.action = 'create');

UPDATE checklist_band SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'checklist_band' AND h.entity_id = checklist_band.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'checklist_band' AND h.entity_id = checklist_band.id AND h.action = 'create');

UPDATE assessment SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'assessment' AND h.entity_id = assessment.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'assessment' AND h.entity_id = assessment.id AND h.action = 'create');

UPDATE assessment_answer SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'assessment_answer' AND h.entity_id = assessment_answer.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'assessment_answer' AND h.entity_id = assessment_answer.id AND h.action = 'create');

UPDATE assessment_result SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'assessment_result' AND h.entity_id = assessment_result.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'assessment_result' AND h.entity_id = assessment_result.id AND h.action = 'create');

UPDATE answer_evidence SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'answer_evidence' AND h.entity_id = answer_evidence.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'answer_evidence' AND h.entity_id = answer_evidence.id AND h.action = 'create');

UPDATE direct_rating SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'direct_rating' AND h.entity_id = direct_rating.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'direct_rating' AND h.entity_id = direct_rating.id AND h.action = 'create');

UPDATE rating_quota SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'rating_quota' AND h.entity_id = rating_quota.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'rating_quota' AND h.entity_id = rating_quota.id AND h.action = 'create');

UPDATE inspection SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'inspection' AND h.entity_id = inspection.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'inspection' AND h.entity_id = inspection.id AND h.action = 'create');

UPDATE inspection_team SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'inspection_team' AND h.entity_id = inspection_team.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'inspection_team' AND h.entity_id = inspection_team.id AND h.action = 'create');

UPDATE inspection_unit SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'inspection_unit' AND h.entity_id = inspection_unit.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'inspection_unit' AND h.entity_id = inspection_unit.id AND h.action = 'create');

UPDATE visit SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'visit' AND h.entity_id = visit.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'visit' AND h.entity_id = visit.id AND h.action = 'create');

UPDATE finding_category SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'finding_category' AND h.entity_id = finding_category.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'finding_category' AND h.entity_id = finding_category.id AND h.action = 'create');

UPDATE finding SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'finding' AND h.entity_id = finding.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'finding' AND h.entity_id = finding.id AND h.action = 'create');

UPDATE rectification_measure SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'rectification_measure' AND h.entity_id = rectification_measure.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'rectification_measure' AND h.entity_id = rectification_measure.id AND h.action = 'create');

UPDATE finding_step SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'finding_step' AND h.entity_id = finding_step.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'finding_step' AND h.entity_id = finding_step.id AND h.action = 'create');

UPDATE inspection_evidence SET clock = clock || '#' || (
  SELECT group_concat(h.revision || ':' || h.updated_by) FROM history h
  WHERE h.entity = 'inspection_evidence' AND h.entity_id = inspection_evidence.id AND h.action = 'create')
WHERE instr(clock, '#') = 0
  AND EXISTS (SELECT 1 FROM history h WHERE h.entity = 'inspection_evidence' AND h.entity_id = inspection_evidence.id AND h.action = 'create');
