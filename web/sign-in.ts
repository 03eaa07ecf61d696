import { api, ApiError } from './api.ts'

export async function bindSignIn(): Promise<void> {
  const form = document.getElementById('sign-in-form') as HTMLFormElement
  const input = document.getElementById('api-key') as HTMLInputElement
  const error = document.getElementById('sign-in-error')!
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    error.textContent = ''
    try {
      await api.signIn(input.value)
      // The key is dropped from the page as soon as it has been exchanged.
      input.value = ''
      location.assign('/')
    } catch (err) {
      input.value = ''
      error.textContent = err instanceof ApiError && err.status === 403 ? 'This key cannot sign in to the console (ingest keys only send data).' : 'That key was not accepted.'
      input.focus()
    }
  })
}
