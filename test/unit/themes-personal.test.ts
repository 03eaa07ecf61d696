// What a theme may show: the masking applied before key phrases, labels and quotes are built.
import { describe, expect, it } from 'vitest'
import { isPersonalToken, labelSource, maskPersonal, personTokens, showsPersonalData } from '../../src/safety/personal.ts'

describe('theme personal-data guard', () => {
  const people = personTokens(['nicolas_marchand.org', 'Sophie Martin', null])

  it('masks the conversation’s own names and handles, e-mails, bare order numbers and postcodes', () => {
    const masked = maskPersonal("C'est nicolas_marchand.org, Sophie here, order BW-4545418, mail me at s.martin@example.com, I'm in BS3", people)
    expect(masked).not.toMatch(/nicolas|marchand|sophie|4545418|example\.com|BS3/i)
    expect(masked).toContain('order')
    expect(maskPersonal('order 123, postcode ls6 2qt, moving to m14 5rt on the 1st', people)).not.toMatch(/ls6|2qt|m14|5rt/)
  })

  it('masks a name in any case, inside a hyphenated word and in Greek with its final sigma', () => {
    const greek = personTokens(['Νικόλαος Παππάς'])
    expect(maskPersonal('ΝΙΚΌΛΑΟΣ here, the router again', greek)).toBe('[…] here, the router again')
    expect(maskPersonal('Παππάς-Νικόλαος', greek)).toBe('[…]')
    expect(maskPersonal('Regards, SOPHIE-Anne', people)).toBe('Regards, […]')
    // A text that only contains a name part inside another word keeps that word.
    expect(maskPersonal('Sophienstraße is fine', people)).toBe('Sophienstraße is fine')
  })

  it('keeps the brand\'s own handle in a quote and masks everyone else\'s ("@Brightwave Moin!" read "[HANDLE_1] Moin!")', () => {
    const brand = ['@BrightwaveHelp', 'Brightwave']
    expect(maskPersonal('@BrightwaveHelp @brightwave Moin! cc @sophie_m', people, brand)).toBe('@BrightwaveHelp @brightwave Moin! cc [HANDLE_1]')
    expect(maskPersonal('@BrightwaveHelp Moin!', people)).toBe('[HANDLE_1] Moin!')
  })

  it('masks the name in a handle, not the words it is built around ("the_real_grace" masked every "the")', () => {
    const grace = personTokens(['the_real_grace', 'Will Jones', 'will_smith'])
    expect(maskPersonal('Grace here: the new look in the app is real nice', grace)).toBe('[…] here: the new look in the app is real nice')
    // A first name written out is masked, whatever else the word means.
    expect(maskPersonal('Will here, will you call me?', grace)).toBe('[…] here, […] you call me?')
  })

  it('leaves ordinary words and versions alone', () => {
    const text = 'The app 5.2 crashes at login since the update'
    expect(maskPersonal(text, people)).toBe(text)
    expect(isPersonalToken('5.2', people)).toBe(false)
    expect(isPersonalToken('bs3', people)).toBe(true)
    expect(isPersonalToken('jonas', personTokens(['jonas.k']))).toBe(true)
  })

  it('gives labels no placeholder words to build on', () => {
    const masked = maskPersonal('My e-mail is jo@example.com', new Set())
    expect(labelSource(masked)).not.toMatch(/EMAIL|…/)
    expect(showsPersonalData('Wi-Fi drops in the evening', people)).toBe(false)
    expect(showsPersonalData('Cheaper plan, sophie', people)).toBe(true)
  })
})
